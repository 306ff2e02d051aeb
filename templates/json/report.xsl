<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  report.xsl (JSON) - the governance report for programs: findings with
  their measured status, answers' data, documents and systems with gaps.
  Strings are escaped for JSON by "js".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s str">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/report.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="js-from" select="str:split('\ &quot; &#9; &#10; &#13;', ' ')"/>
  <xsl:variable name="js-to" select="str:split('\\ \&quot; \t \n \r', ' ')"/>

  <!--
    A JSON string literal.  It is put in an element of its own, which the
    text output leaves out: otherwise all of the report is one text node,
    and once str:replace has made its fragment libxslt appends the next
    text by copying that whole node, which makes the report quadratic in
    the number of systems.
  -->
  <xsl:template name="js">
    <xsl:param name="t"/>
    <json-string>
      <xsl:text>"</xsl:text>
      <xsl:for-each select="str:replace(normalize-space($t), $js-from, $js-to)"><xsl:value-of select="."/></xsl:for-each>
      <xsl:text>"</xsl:text>
    </json-string>
  </xsl:template>

  <xsl:template name="gap-list">
    <xsl:text>[</xsl:text>
    <xsl:for-each select="s:gap">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:text>{"rule": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@rule"/></xsl:call-template>
      <xsl:text>, "text": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t"><xsl:call-template name="gap-text"/></xsl:with-param></xsl:call-template>
      <xsl:text>, "message": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="."/></xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="/">
    <xsl:text>{&#10;  "as_of": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="$as-of"/></xsl:call-template>
    <xsl:text>,&#10;  "organisation": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="$org-name"/></xsl:call-template>
    <xsl:text>,&#10;  "audits": [</xsl:text>
    <xsl:for-each select="$audits">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;    {"id": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@id"/></xsl:call-template>
      <xsl:text>, "date": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@date"/></xsl:call-template>
      <xsl:text>, "title": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="s:title"/></xsl:call-template>
      <xsl:text>,&#10;     "questions": [</xsl:text>
      <xsl:for-each select="s:question">
        <xsl:if test="position() > 1">, </xsl:if>
        <xsl:text>{"id": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@id"/></xsl:call-template>
        <xsl:text>, "answer": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@answer"/></xsl:call-template>
        <xsl:text>, "text": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>],&#10;     "findings": [</xsl:text>
      <xsl:for-each select="s:finding">
        <xsl:if test="position() > 1">,</xsl:if>
        <xsl:text>&#10;       {"id": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@id"/></xsl:call-template>
        <xsl:text>, "status": "</xsl:text><xsl:call-template name="finding-status"/>
        <xsl:text>", "gaps": </xsl:text><xsl:call-template name="finding-gap-count"/>
        <xsl:text>, "text": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:text>, "now": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t"><xsl:call-template name="finding-now"/></xsl:with-param></xsl:call-template>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>]}</xsl:text>
    </xsl:for-each>
    <xsl:text>],&#10;  "actions": [</xsl:text>
    <xsl:for-each select="$actions">
      <xsl:sort select="@due"/>
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;    {"id": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@id"/></xsl:call-template>
      <xsl:text>, "due": "</xsl:text><xsl:value-of select="@due"/>
      <xsl:text>", "status": "</xsl:text><xsl:value-of select="@status"/>
      <xsl:text>", "responsible": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@responsible"/></xsl:call-template>
      <xsl:text>, "text": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="."/></xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>],&#10;  "documents": [</xsl:text>
    <xsl:for-each select="$documents">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;    {"id": "</xsl:text><xsl:value-of select="@id"/>
      <xsl:text>", "type": "</xsl:text><xsl:value-of select="@type"/>
      <xsl:text>", "version": "</xsl:text><xsl:value-of select="s:meta/s:version"/>
      <xsl:text>", "status": "</xsl:text><xsl:value-of select="s:meta/s:status"/>
      <xsl:text>", "review_by": "</xsl:text><xsl:value-of select="s:meta/s:review-by"/>
      <xsl:text>", "title": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="s:meta/s:title"/></xsl:call-template>
      <xsl:text>, "gaps": </xsl:text><xsl:call-template name="gap-list"/>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>],&#10;  "acknowledgements": [</xsl:text>
    <xsl:for-each select="/s:project/s:acknowledgements">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;    {"doc": "</xsl:text><xsl:value-of select="@doc"/>
      <xsl:text>", "in_force": </xsl:text>
      <xsl:choose><xsl:when test="@in-force">"<xsl:value-of select="@in-force"/>"</xsl:when><xsl:otherwise>null</xsl:otherwise></xsl:choose>
      <xsl:text>, "signed": </xsl:text><xsl:value-of select="@signed"/>
      <xsl:text>, "staff": </xsl:text><xsl:value-of select="@staff"/>
      <xsl:text>, "units": [</xsl:text>
      <xsl:for-each select="s:unit">
        <xsl:if test="position() > 1">, </xsl:if>
        <xsl:text>{"unit": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@name"/></xsl:call-template>
        <xsl:value-of select="concat(', &quot;staff&quot;: ', @staff, ', &quot;signed&quot;: ', @signed, ', &quot;old&quot;: ', @old, ', &quot;none&quot;: ', @none, '}')"/>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
      <xsl:text>, "must_sign": [</xsl:text>
      <xsl:for-each select="s:member[@status != 'current']">
        <xsl:if test="position() > 1">, </xsl:if>
        <xsl:text>{"employee": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@employee"/></xsl:call-template>
        <xsl:text>, "name": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@name"/></xsl:call-template>
        <xsl:text>, "signed": </xsl:text>
        <xsl:choose><xsl:when test="@signed">"<xsl:value-of select="@signed"/>"</xsl:when><xsl:otherwise>null</xsl:otherwise></xsl:choose>
        <xsl:text>, "signed_draft": </xsl:text><xsl:value-of select="boolean(@draft)"/>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>]}</xsl:text>
    </xsl:for-each>
    <xsl:text>],&#10;  "systems": [</xsl:text>
    <xsl:for-each select="$systems">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;    {"id": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="@id"/></xsl:call-template>
      <xsl:text>, "name": </xsl:text><xsl:call-template name="js"><xsl:with-param name="t" select="s:name"/></xsl:call-template>
      <xsl:text>, "prioritised": </xsl:text><xsl:value-of select="@prioritised = 'yes'"/>
      <xsl:text>, "outside_hours": </xsl:text><xsl:value-of select="@outside-hours = 'yes'"/>
      <xsl:text>, "latest_risk_analysis": </xsl:text>
      <xsl:variable name="aid"><xsl:call-template name="latest-analysis"><xsl:with-param name="sys" select="."/></xsl:call-template></xsl:variable>
      <xsl:choose>
        <xsl:when test="$aid != ''">"<xsl:value-of select="key('analysis-of', @id)[@id = $aid]/@date"/>"</xsl:when>
        <xsl:otherwise>null</xsl:otherwise>
      </xsl:choose>
      <xsl:text>, "gaps": </xsl:text><xsl:call-template name="gap-list"/>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>]&#10;}&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
