<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  diff.xsl (docx) - the redline as a Word document: the new version
  (document.xsl) where every change is a tracked change that an official
  can accept or reject in Word, and after the dokumentinformation a
  summary table "Ändringar" of what changed.  Only the summary is made
  here; changes.xsl tracks the changes that document.xsl writes.
  Parameter: doc, the document id (its last <redline> is shown).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    exclude-result-prefixes="s w">

  <xsl:import href="document.xsl"/>
  <xsl:import href="changes.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="redline" select="/s:project/s:redline[@doc = $doc][last()]"/>

  <xsl:template name="redline-summary">
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'FrontHeading'"/>
      <xsl:with-param name="text" select="'Ändringar'"/>
    </xsl:call-template>
    <xsl:call-template name="para">
      <xsl:with-param name="text"><xsl:call-template name="redline-compared"/></xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not($changes)">
        <xsl:call-template name="para"><xsl:with-param name="text" select="'Texten är densamma i båda versionerna.'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="para">
          <xsl:with-param name="text" select="'Varje ändring i texten är en spårad ändring som kan godkännas eller avvisas i Word. Godkänns alla blir texten den nya versionens.'"/>
        </xsl:call-template>
        <w:tbl>
          <xsl:call-template name="table-start">
            <xsl:with-param name="widths" select="concat('2600 ', $text-w - 2600)"/>
            <xsl:with-param name="first-col" select="true()"/>
            <xsl:with-param name="caption" select="'Sammanfattning av ändringarna'"/>
          </xsl:call-template>
          <w:tr>
            <xsl:call-template name="header-row-pr"/>
            <xsl:call-template name="text-cell"><xsl:with-param name="w" select="2600"/><xsl:with-param name="text" select="'Ändring'"/></xsl:call-template>
            <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$text-w - 2600"/><xsl:with-param name="text" select="'Vad'"/></xsl:call-template>
          </w:tr>
          <xsl:for-each select="$changes">
            <w:tr>
              <w:trPr><w:cantSplit/></w:trPr>
              <xsl:call-template name="text-cell">
                <xsl:with-param name="w" select="2600"/>
                <xsl:with-param name="text"><xsl:call-template name="change-label"/></xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="text-cell">
                <xsl:with-param name="w" select="$text-w - 2600"/>
                <xsl:with-param name="text"><xsl:call-template name="change-detail"/></xsl:with-param>
              </xsl:call-template>
            </w:tr>
          </xsl:for-each>
        </w:tbl>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
