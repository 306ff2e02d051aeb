<?xml version="1.0" encoding="UTF-8"?>
<!--
  diff.xsl (Markdown) - the redline as a readable change list: metadata
  changes, then every change in reading order, with inserted words
  marked ++like this++ and deleted words ~~like this~~.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="commonmark.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="diff" select="/s:project/s:diff[@doc = $doc][last()]"/>

  <xsl:template match="/">
    <xsl:text># Ändringar: </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$diff/@title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat('Jämfört: ', $diff/@old, ' → ', $diff/@new)"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="$diff/@equal = 'yes'">
        <xsl:value-of select="concat('Versionerna har samma innehåll.', $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('## Sammanfattning', $nl, $nl)"/>
        <xsl:for-each select="$diff/s:summary/s:meta">
          <xsl:text>- </xsl:text>
          <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat(@label, ': ', @old, ' → ', @new)"/></xsl:call-template>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
        <xsl:for-each select="$diff/s:summary/s:change">
          <xsl:text>- </xsl:text>
          <xsl:choose>
            <xsl:when test="@kind = 'prose-changed' and . = 1">Löptexten är ändrad på 1 ställe.</xsl:when>
            <xsl:when test="@kind = 'prose-changed'">Löptexten är ändrad på <xsl:value-of select="."/> ställen.</xsl:when>
            <xsl:otherwise><xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
        <xsl:value-of select="concat($nl, '## Ändringarna i texten', $nl, $nl)"/>
        <xsl:for-each select="$diff/s:units/s:unit[@change != 'same']">
          <xsl:text>- **</xsl:text>
          <xsl:call-template name="label"/>
          <xsl:text>** </xsl:text>
          <xsl:apply-templates select="s:text" mode="marked"/>
          <xsl:if test="@old-role">
            <xsl:text> (ansvarig: ~~</xsl:text>
            <xsl:call-template name="esc-line"><xsl:with-param name="t"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@old-role"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:text>~~ ++</xsl:text>
            <xsl:call-template name="esc-line"><xsl:with-param name="t"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:text>++)</xsl:text>
          </xsl:if>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="label">
    <xsl:choose>
      <xsl:when test="@kind = 'heading'">Avsnitt <xsl:value-of select="@num"/></xsl:when>
      <xsl:when test="@kind = 'requirement'">Krav <xsl:value-of select="@ref"/></xsl:when>
      <xsl:when test="@kind = 'term'">Begrepp</xsl:when>
      <xsl:otherwise>Text</xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="@change = 'added'"> (nytt):</xsl:when>
      <xsl:when test="@change = 'removed'"> (borttaget):</xsl:when>
      <xsl:when test="@change = 'moved'"> (flyttat hit):</xsl:when>
      <xsl:when test="@change = 'moved-away'"> (flyttat härifrån):</xsl:when>
      <xsl:otherwise> (ändrat):</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:text" mode="marked">
    <xsl:choose>
      <xsl:when test="../@change = 'added'"><xsl:text>++</xsl:text><xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template><xsl:text>++</xsl:text></xsl:when>
      <xsl:when test="../@change = 'removed'"><xsl:text>~~</xsl:text><xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template><xsl:text>~~</xsl:text></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="marked"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="s:ins" mode="marked"><xsl:text>++</xsl:text><xsl:call-template name="esc"><xsl:with-param name="t" select="."/></xsl:call-template><xsl:text>++</xsl:text></xsl:template>
  <xsl:template match="s:del" mode="marked"><xsl:text>~~</xsl:text><xsl:call-template name="esc"><xsl:with-param name="t" select="."/></xsl:call-template><xsl:text>~~</xsl:text></xsl:template>
  <xsl:template match="text()" mode="marked"><xsl:call-template name="esc"><xsl:with-param name="t" select="."/></xsl:call-template></xsl:template>
</xsl:stylesheet>
