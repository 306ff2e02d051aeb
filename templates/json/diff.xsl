<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  diff.xsl (JSON) - the redline's summary for programs: what was compared
  and one object per change, with the kind, the id it is about, its
  number, the Swedish label and line a reader sees, and for metadata
  the field with its old and new value.  The marked text itself is in
  the other formats (and in the tree that diff prints with its dump option).
  Parameter: doc, the document id (its last <redline> is used).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/redline.xsl"/>
  <xsl:import href="report.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="redline" select="/s:project/s:redline[@doc = $doc][last()]"/>

  <xsl:template name="js-field">
    <xsl:param name="name"/>
    <xsl:param name="t"/>
    <xsl:value-of select="concat(', &quot;', $name, '&quot;: ')"/>
    <xsl:call-template name="js"><xsl:with-param name="t" select="$t"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/">
    <xsl:text>{"document": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="$doc"/></xsl:call-template>
    <xsl:call-template name="js-field"><xsl:with-param name="name" select="'old'"/><xsl:with-param name="t" select="$redline/@old"/></xsl:call-template>
    <xsl:call-template name="js-field"><xsl:with-param name="name" select="'new'"/><xsl:with-param name="t" select="$redline/@new"/></xsl:call-template>
    <xsl:call-template name="js-field">
      <xsl:with-param name="name" select="'compared'"/>
      <xsl:with-param name="t"><xsl:call-template name="redline-compared"/></xsl:with-param>
    </xsl:call-template>
    <xsl:text>, "equal": </xsl:text><xsl:value-of select="not($changes)"/>
    <xsl:text>,&#10; "changes": [</xsl:text>
    <xsl:for-each select="$redline/s:changes/s:change">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;  {"kind": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@kind"/></xsl:call-template>
      <xsl:text>, "ref": </xsl:text>
      <xsl:choose><xsl:when test="@ref"><xsl:call-template name="js"><xsl:with-param name="t" select="@ref"/></xsl:call-template></xsl:when><xsl:otherwise>null</xsl:otherwise></xsl:choose>
      <xsl:if test="@num"><xsl:call-template name="js-field"><xsl:with-param name="name" select="'num'"/><xsl:with-param name="t" select="@num"/></xsl:call-template></xsl:if>
      <xsl:if test="@field"><xsl:call-template name="js-field"><xsl:with-param name="name" select="'field'"/><xsl:with-param name="t" select="@field"/></xsl:call-template></xsl:if>
      <xsl:if test="s:old or @old"><xsl:call-template name="js-field"><xsl:with-param name="name" select="'old'"/><xsl:with-param name="t" select="concat(s:old, @old)"/></xsl:call-template></xsl:if>
      <xsl:if test="s:new or @new"><xsl:call-template name="js-field"><xsl:with-param name="name" select="'new'"/><xsl:with-param name="t" select="concat(s:new, @new)"/></xsl:call-template></xsl:if>
      <xsl:if test="s:text"><xsl:call-template name="js-field"><xsl:with-param name="name" select="'text'"/><xsl:with-param name="t" select="s:text"/></xsl:call-template></xsl:if>
      <xsl:if test="@count"><xsl:text>, "count": </xsl:text><xsl:value-of select="@count"/></xsl:if>
      <xsl:call-template name="js-field">
        <xsl:with-param name="name" select="'label'"/>
        <xsl:with-param name="t"><xsl:call-template name="change-label"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="js-field">
        <xsl:with-param name="name" select="'detail'"/>
        <xsl:with-param name="t"><xsl:call-template name="change-detail"/></xsl:with-param>
      </xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>]}&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
