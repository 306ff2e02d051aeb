<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!-- risks.xsl (Markdown) - every risk analysis: the scale, then each risk. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:call-template name="frame-head">
      <xsl:with-param name="title" select="'Risk- och sårbarhetsanalyser'"/>
      <xsl:with-param name="kind" select="'Register'"/>
    </xsl:call-template>
    <!-- The content goes straight to the output, not through a
         parameter: a long text parameter is rebuilt on every append. -->
    <xsl:if test="$analyses[@example = 'yes']">
      <xsl:value-of select="concat('&gt; Exempeldata – uppgifterna är påhittade.', $nl, $nl)"/>
    </xsl:if>
    <xsl:value-of select="concat('Riskvärdet är sannolikhet × konsekvens och räknas fram av styrdok.', $nl, $nl)"/>
    <xsl:for-each select="$analyses">
      <xsl:sort select="key('id', @system)/s:name"/>
      <xsl:sort select="@date" order="descending"/>
      <xsl:variable name="threshold" select="s:scale/@threshold"/>
      <xsl:text>## </xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat(key('id', @system)/s:name, ', ', @date)"/></xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat('Deltagare: ', s:participants, '. Skala 1–', s:scale/@levels, ', acceptansnivå ', $threshold, '.')"/></xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:call-template name="gaps"/>
      <xsl:for-each select="s:risk">
        <xsl:value-of select="concat('### R', position(), ' ')"/>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:description"/></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl)"/>
        <xsl:call-template name="md-field"><xsl:with-param name="label" select="'Skadeverkan'"/><xsl:with-param name="value" select="s:impact"/></xsl:call-template>
        <xsl:call-template name="md-field">
          <xsl:with-param name="label" select="'Riskvärde'"/>
          <xsl:with-param name="value" select="concat(@probability, ' × ', @consequence, ' = ', @risk-value, substring(' (över acceptansnivån)', 1, 22 * (@risk-value >= $threshold)))"/>
        </xsl:call-template>
        <xsl:call-template name="md-field"><xsl:with-param name="label" select="'Åtgärd'"/><xsl:with-param name="value" select="s:measure"/></xsl:call-template>
        <xsl:call-template name="md-field">
          <xsl:with-param name="label" select="'Ansvarig'"/>
          <xsl:with-param name="value"><xsl:if test="s:measure/@responsible"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="s:measure/@responsible"/></xsl:call-template></xsl:if></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="md-field"><xsl:with-param name="label" select="'Klart senast'"/><xsl:with-param name="value" select="s:measure/@deadline"/></xsl:call-template>
        <xsl:call-template name="md-field">
          <xsl:with-param name="label" select="'Status'"/>
          <xsl:with-param name="value"><xsl:call-template name="risk-status"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="md-field"><xsl:with-param name="label" select="'Kommentar'"/><xsl:with-param name="value" select="s:comment"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="gaps"/>
      </xsl:for-each>
    </xsl:for-each>

  </xsl:template>
</xsl:stylesheet>
