<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  diff.xsl (odt) - the redline as an OpenDocument text: the new version
  (document.xsl) where every change is a tracked change that an official
  can accept or reject in LibreOffice (changes.xsl), and after the
  dokumentinformation a summary table "Ändringar" of what changed.  Only
  the summary is made here.
  Parameter: doc, the document id (its last <redline> is shown).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    exclude-result-prefixes="s">

  <xsl:import href="document.xsl"/>
  <xsl:import href="changes.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="redline" select="/s:project/s:redline[@doc = $doc][last()]"/>

  <xsl:template name="redline-summary">
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="'styrdok-changes'"/>
      <xsl:with-param name="title" select="'Ändringar'"/>
    </xsl:call-template>
    <text:p text:style-name="Text_20_body"><xsl:call-template name="redline-compared"/></text:p>
    <xsl:choose>
      <xsl:when test="not($changes)">
        <text:p text:style-name="Text_20_body">Texten är densamma i båda versionerna.</text:p>
      </xsl:when>
      <xsl:otherwise>
        <text:p text:style-name="Text_20_body">Varje ändring i texten är en spårad ändring som kan godkännas eller avvisas under Redigera &gt; Spåra ändringar &gt; Hantera. Godkänns alla blir texten den nya versionens.</text:p>
        <xsl:call-template name="caption"><xsl:with-param name="value" select="'Sammanfattning av ändringarna'"/></xsl:call-template>
        <table:table table:name="Andringar" table:style-name="Tab">
          <table:table-column table:style-name="Info1"/>
          <table:table-column table:style-name="Info2"/>
          <table:table-header-rows>
            <table:table-row>
              <xsl:call-template name="th"><xsl:with-param name="value" select="'Ändring'"/></xsl:call-template>
              <xsl:call-template name="th"><xsl:with-param name="value" select="'Vad'"/></xsl:call-template>
            </table:table-row>
          </table:table-header-rows>
          <xsl:for-each select="$changes">
            <table:table-row>
              <xsl:call-template name="th"><xsl:with-param name="value"><xsl:call-template name="change-label"/></xsl:with-param></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="value"><xsl:call-template name="change-detail"/></xsl:with-param></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
