<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!-- continuity.xsl (Markdown) - every continuity plan, as the HTML page has it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="s md">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:call-template name="frame-head">
      <xsl:with-param name="title" select="'Kontinuitetsplaner'"/>
      <xsl:with-param name="kind" select="'Register'"/>
    </xsl:call-template>
    <!-- The content goes straight to the output, not through a
         parameter: a long text parameter is rebuilt on every append. -->
    <xsl:if test="$plans[@example = 'yes']">
      <xsl:value-of select="concat('&gt; Exempeldata – uppgifterna är påhittade.', $nl, $nl)"/>
    </xsl:if>
    <xsl:for-each select="$plans">
      <xsl:sort select="key('id', @system)/s:name"/>
      <xsl:variable name="sys" select="key('id', @system)"/>
      <xsl:text>## </xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$sys/s:name"/></xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:call-template name="md-field"><xsl:with-param name="label" select="'Upprättad'"/><xsl:with-param name="value" select="@date"/></xsl:call-template>
      <xsl:call-template name="md-field">
        <xsl:with-param name="label" select="'Längsta acceptabla avbrottstid'"/>
        <xsl:with-param name="value"><xsl:choose><xsl:when test="$sys/s:max-downtime"><xsl:call-template name="hours"><xsl:with-param name="n" select="$sys/s:max-downtime/@hours"/></xsl:call-template></xsl:when><xsl:otherwise>inte beslutad</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="md-field">
        <xsl:with-param name="label" select="'Största acceptabla dataförlust'"/>
        <xsl:with-param name="value"><xsl:choose><xsl:when test="s:data-loss"><xsl:call-template name="hours"><xsl:with-param name="n" select="s:data-loss/@hours"/></xsl:call-template><xsl:if test="normalize-space(s:data-loss) != ''"><xsl:value-of select="concat('. ', normalize-space(s:data-loss))"/></xsl:if></xsl:when><xsl:otherwise>inte beslutad</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="md-field">
        <xsl:with-param name="label" select="'Senaste övning'"/>
        <xsl:with-param name="value"><xsl:choose><xsl:when test="s:exercise"><xsl:value-of select="concat(s:exercise/@date, ': ', normalize-space(s:exercise))"/></xsl:when><xsl:otherwise>planen har inte övats</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="gaps"/>
      <xsl:value-of select="concat('### Reservrutin', $nl, $nl)"/>
      <xsl:apply-templates select="s:fallback/s:prose/md:document/*" mode="block">
        <xsl:with-param name="first" select="''"/>
        <xsl:with-param name="prefix" select="''"/>
      </xsl:apply-templates>
      <xsl:value-of select="concat('### Återställningsordning', $nl, $nl)"/>
      <xsl:if test="s:restore-order/@tested">
        <xsl:value-of select="concat('Tider från provet ', s:restore-order/@tested, '.', $nl, $nl)"/>
      </xsl:if>
      <xsl:variable name="steps" select="s:restore-order/s:step"/>
      <xsl:for-each select="$steps">
        <xsl:value-of select="concat(position(), '. ')"/>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:choose>
          <xsl:when test="@minutes"><xsl:call-template name="duration"><xsl:with-param name="minutes" select="@minutes"/></xsl:call-template></xsl:when>
          <xsl:otherwise>tid vid senaste prov saknas</xsl:otherwise>
        </xsl:choose>
        <xsl:text>)</xsl:text>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
      <xsl:if test="not($steps[not(@minutes)])">
        <xsl:text>Sammanlagt </xsl:text>
        <xsl:call-template name="duration"><xsl:with-param name="minutes" select="sum($steps/@minutes)"/></xsl:call-template>
        <xsl:value-of select="concat('.', $nl, $nl)"/>
      </xsl:if>
      <xsl:if test="s:dependencies">
        <xsl:value-of select="concat('### Beroenden', $nl, $nl)"/>
        <xsl:for-each select="s:dependencies/s:depends">
          <xsl:text>- </xsl:text>
          <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat(substring(concat(key('id', @system)/s:name, ': '), 1, 1000 * boolean(@system)), .)"/></xsl:call-template>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:value-of select="concat('### Kontakter', $nl, $nl)"/>
      <xsl:choose>
        <xsl:when test="s:contacts/@restricted = 'yes' and $restricted != 'include'">
          <xsl:value-of select="concat('Kontaktlistan publiceras inte. Den finns i den interna versionen av planen.', $nl, $nl)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="s:contacts/s:contact">
            <xsl:value-of select="concat(position(), '. ')"/>
            <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat(@role, ': ', ., substring(concat(', ', @reach), 1, 1000 * boolean(@reach)))"/></xsl:call-template>
            <xsl:value-of select="$nl"/>
          </xsl:for-each>
          <xsl:value-of select="$nl"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>

  </xsl:template>
</xsl:stylesheet>
