<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  frame.xsl (Markdown) - the heading and closing lines around every
  Markdown output that is not a governing document.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <!-- The heading lines; the caller writes its content after them. -->
  <xsl:template name="frame-head">
    <xsl:param name="title"/>
    <xsl:param name="kind"/>
    <xsl:text># </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl, '*')"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat($org-name, ' · ', $kind)"/></xsl:call-template>
    <xsl:value-of select="concat('*', $nl, $nl)"/>
    <xsl:if test="$restricted = 'include'">
      <xsl:value-of select="concat('&gt; **INTERN** – innehåller uppgifter som inte ska publiceras.', $nl, $nl)"/>
    </xsl:if>
  </xsl:template>

  <!-- "- text" lines for the gaps recorded on the context node. -->
  <xsl:template name="gaps">
    <xsl:for-each select="s:gap">
      <xsl:text>- **Brist:** </xsl:text>
      <xsl:variable name="t"><xsl:call-template name="gap-text"/></xsl:variable>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$t"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:if test="s:gap"><xsl:value-of select="$nl"/></xsl:if>
  </xsl:template>

  <!-- "- **label:** value" -->
  <xsl:template name="md-field">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:value-of select="concat('- **', $label, ':** ')"/>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$value"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
