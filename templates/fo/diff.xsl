<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  diff.xsl (fo) - the redline as a PDF: the new version's pages
  (document.xsl) with its change marks, and after the dokumentinformation
  a summary table "Ändringar" of what changed.  Only the summary is made
  here; document.xsl and common.xsl render the marks.
  Parameter: doc, the document id (its last <redline> is shown).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="document.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="redline" select="/s:project/s:redline[@doc = $doc][last()]"/>

  <xsl:template name="redline-summary">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="id" select="'styrdok-changes'"/>
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
          <xsl:with-param name="text">
            <fo:inline color="{$c-ins}" background-color="{$c-ins-bg}" text-decoration="underline">Understruken text</fo:inline>
            <xsl:text> är ny och </xsl:text>
            <fo:inline color="{$c-del}" background-color="{$c-del-bg}" text-decoration="line-through">genomstruken text</fo:inline>
            <xsl:text> är borttagen. Ett streck i marginalen visar varje ändrat ställe.</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="caption"><xsl:with-param name="text" select="'Sammanfattning av ändringarna'"/></xsl:call-template>
        <fo:table xsl:use-attribute-sets="table">
          <fo:table-column fox:header="true" column-width="proportional-column-width(26)"/>
          <fo:table-column column-width="proportional-column-width(74)"/>
          <fo:table-header>
            <fo:table-row>
              <xsl:call-template name="th"><xsl:with-param name="text" select="'Ändring'"/></xsl:call-template>
              <xsl:call-template name="th"><xsl:with-param name="text" select="'Vad'"/></xsl:call-template>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:for-each select="$changes">
              <fo:table-row keep-together.within-page="always">
                <fo:table-cell xsl:use-attribute-sets="row-head"><fo:block><xsl:call-template name="change-label"/></fo:block></fo:table-cell>
                <fo:table-cell xsl:use-attribute-sets="cell">
                  <fo:block>
                    <xsl:choose>
                      <xsl:when test="@ref and $document//*[@id = current()/@ref]">
                        <fo:basic-link internal-destination="{@ref}" color="{$c-primary}" fox:alt-text="Till ändringen i texten">
                          <xsl:call-template name="change-detail"/>
                        </fo:basic-link>
                      </xsl:when>
                      <xsl:otherwise><xsl:call-template name="change-detail"/></xsl:otherwise>
                    </xsl:choose>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
            </xsl:for-each>
          </fo:table-body>
        </fo:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
