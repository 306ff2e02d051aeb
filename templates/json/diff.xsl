<?xml version="1.0" encoding="UTF-8"?>
<!-- diff.xsl (JSON) - the redline for programs: summary and units. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s str">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="report.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="diff" select="/s:project/s:diff[@doc = $doc][last()]"/>

  <xsl:template match="/">
    <xsl:text>{"document": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="$doc"/></xsl:call-template>
    <xsl:text>, "old": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="$diff/@old"/></xsl:call-template>
    <xsl:text>, "new": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="$diff/@new"/></xsl:call-template>
    <xsl:text>, "equal": </xsl:text><xsl:value-of select="$diff/@equal = 'yes'"/>
    <xsl:text>,&#10; "metadata": [</xsl:text>
    <xsl:for-each select="$diff/s:summary/s:meta">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:text>{"field": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@field"/></xsl:call-template>
      <xsl:text>, "old": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@old"/></xsl:call-template>
      <xsl:text>, "new": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@new"/></xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>],&#10; "changes": [</xsl:text>
    <xsl:for-each select="$diff/s:summary/s:change">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;  {"kind": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@kind"/></xsl:call-template>
      <xsl:text>, "ref": </xsl:text>
      <xsl:choose><xsl:when test="@ref"><xsl:call-template name="js"><xsl:with-param name="t" select="@ref"/></xsl:call-template></xsl:when><xsl:otherwise>null</xsl:otherwise></xsl:choose>
      <xsl:text>, "text": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="."/></xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>],&#10; "units": [</xsl:text>
    <xsl:for-each select="$diff/s:units/s:unit[@change != 'same']">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;  {"kind": "</xsl:text><xsl:value-of select="@kind"/>
      <xsl:text>", "change": "</xsl:text><xsl:value-of select="@change"/>
      <xsl:text>", "ref": </xsl:text>
      <xsl:choose><xsl:when test="@ref"><xsl:call-template name="js"><xsl:with-param name="t" select="@ref"/></xsl:call-template></xsl:when><xsl:otherwise>null</xsl:otherwise></xsl:choose>
      <xsl:text>, "parts": [</xsl:text>
      <xsl:for-each select="s:text/node()">
        <xsl:if test="position() > 1">, </xsl:if>
        <xsl:text>{"op": "</xsl:text>
        <xsl:choose>
          <xsl:when test="self::s:ins">insert</xsl:when>
          <xsl:when test="self::s:del">delete</xsl:when>
          <xsl:otherwise>keep</xsl:otherwise>
        </xsl:choose>
        <xsl:text>", "text": </xsl:text>
        <xsl:call-template name="js-raw"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>]}</xsl:text>
    </xsl:for-each>
    <xsl:text>]}&#10;</xsl:text>
  </xsl:template>

  <!-- A JSON string that keeps its spaces (word-diff parts). -->
  <xsl:template name="js-raw">
    <xsl:param name="t"/>
    <xsl:text>"</xsl:text>
    <xsl:for-each select="str:replace(string($t), $js-from, $js-to)"><xsl:value-of select="."/></xsl:for-each>
    <xsl:text>"</xsl:text>
  </xsl:template>
</xsl:stylesheet>
