<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  risks.xsl - every risk and vulnerability analysis as one HTML page:
  per analysis a probability x consequence matrix with the risks placed in
  it, then the rows (risk, skadeverkan, sannolikhet, konsekvens, riskvärde
  computed by styrdok, åtgärd, ansvarig, klart senast, status).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="'Risk- och sårbarhetsanalyser'"/>
      <xsl:with-param name="kind" select="'Register'"/>
      <xsl:with-param name="stamp" select="concat('Risk- och sårbarhetsanalyser · ', count($analyses), substring(' analyser', 1, 7 + 2 * (count($analyses) != 1)))"/>
      <xsl:with-param name="content">
        <xsl:if test="$analyses[@example = 'yes']">
          <p class="draft-mark">Exempeldata – uppgifterna är påhittade.</p>
        </xsl:if>
        <p>Riskvärdet är sannolikhet × konsekvens och räknas fram av styrdok. Risker med ett värde vid eller över analysens acceptansnivå ska ha en åtgärd med en ansvarig och ett datum då den ska vara klar.</p>
        <xsl:apply-templates select="$analyses">
          <xsl:sort select="key('id', @system)/s:name"/>
          <xsl:sort select="@date" order="descending"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="s:risk-analysis">
    <xsl:variable name="a" select="."/>
    <xsl:variable name="levels" select="s:scale/@levels"/>
    <xsl:variable name="threshold" select="s:scale/@threshold"/>
    <section id="{@id}" aria-labelledby="{@id}-h">
      <h2 id="{@id}-h"><xsl:value-of select="key('id', @system)/s:name"/>, <span class="nobr"><xsl:value-of select="@date"/></span></h2>
      <p>Deltagare: <xsl:value-of select="s:participants"/>. Skala 1–<xsl:value-of select="$levels"/>, acceptansnivå <xsl:value-of select="$threshold"/>.</p>
      <xsl:call-template name="gaps"/>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table class="matrix">
        <caption>Riskmatris: konsekvens (rader) mot sannolikhet (kolumner), med riskernas nummer</caption>
        <thead>
          <tr>
            <th scope="col">Konsekvens \ sannolikhet</th>
            <xsl:for-each select="s:scale/s:probability">
              <xsl:sort select="@level" data-type="number"/>
              <th scope="col"><xsl:value-of select="@level"/>. <xsl:value-of select="."/></th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="s:scale/s:consequence">
            <xsl:sort select="@level" data-type="number" order="descending"/>
            <xsl:variable name="c" select="@level"/>
            <tr>
              <th scope="row"><xsl:value-of select="@level"/>. <xsl:value-of select="."/></th>
              <xsl:for-each select="$a/s:scale/s:probability">
                <xsl:sort select="@level" data-type="number"/>
                <xsl:variable name="p" select="@level"/>
                <td>
                  <xsl:attribute name="class">
                    <xsl:choose>
                      <xsl:when test="$p * $c >= $threshold">cell-high</xsl:when>
                      <xsl:otherwise>cell-low</xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                  <span class="cell-value"><xsl:value-of select="$p * $c"/></span>
                  <xsl:for-each select="$a/s:risk[@probability = $p and @consequence = $c]">
                    <xsl:text> </xsl:text><a href="#{@id}">R<xsl:number count="s:risk"/></a>
                  </xsl:for-each>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
        </table>
      </div>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table>
          <caption>Risker i analysen</caption>
          <thead>
            <tr>
              <th scope="col">Nr</th><th scope="col">Risk</th><th scope="col">Skadeverkan</th>
              <th scope="col">Riskvärde (S × K)</th>
              <th scope="col">Åtgärd</th><th scope="col">Ansvarig</th><th scope="col">Klart senast</th><th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="s:risk">
              <tr id="{@id}">
                <th scope="row">R<xsl:number count="s:risk"/></th>
                <td><xsl:value-of select="s:description"/><xsl:if test="s:comment"><br/><em><xsl:value-of select="s:comment"/></em></xsl:if></td>
                <td><xsl:value-of select="s:impact"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@risk-value >= $threshold"><strong><xsl:value-of select="@risk-value"/></strong></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@risk-value"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:value-of select="concat(' (', @probability, ' × ', @consequence, ')')"/>
                  <xsl:if test="@risk-value >= $threshold"><br/>över acceptansnivån</xsl:if>
                </td>
                <td><xsl:value-of select="s:measure"/></td>
                <td><xsl:if test="s:measure/@responsible"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="s:measure/@responsible"/></xsl:call-template></xsl:if></td>
                <td><xsl:value-of select="s:measure/@deadline"/></td>
                <td>
                  <xsl:call-template name="risk-status"/>
                  <xsl:for-each select="s:gap"><br/><span class="gap">Brist:</span><xsl:text> </xsl:text><xsl:call-template name="gap-text"/></xsl:for-each>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
