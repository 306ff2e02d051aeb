<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  continuity.xsl - every continuity plan as one HTML page: maximum
  tolerable downtime (from the system register), acceptable data loss,
  the manual reserve routine, restore order with the time of each step
  at the last test and their sum, dependencies, contacts and the latest
  exercise.
  Contacts marked restricted are left out unless restricted=include.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="s md">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="'Kontinuitetsplaner'"/>
      <xsl:with-param name="kind" select="'Register'"/>
      <xsl:with-param name="stamp" select="concat('Kontinuitetsplaner · ', count($plans), substring(' planer', 1, 5 + 2 * (count($plans) != 1)))"/>
      <xsl:with-param name="content">
        <xsl:if test="$plans[@example = 'yes']">
          <p class="draft-mark">Exempeldata – uppgifterna är påhittade.</p>
        </xsl:if>
        <xsl:apply-templates select="$plans">
          <xsl:sort select="key('id', @system)/s:name"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="s:continuity-plan">
    <xsl:variable name="sys" select="key('id', @system)"/>
    <section id="{@id}" aria-labelledby="{@id}-h">
      <h2 id="{@id}-h"><xsl:value-of select="$sys/s:name"/></h2>
      <p>
        Planen upprättades <xsl:value-of select="@date"/>.
        Längsta acceptabla avbrottstid:
        <xsl:choose>
          <xsl:when test="$sys/s:max-downtime"><xsl:call-template name="hours"><xsl:with-param name="n" select="$sys/s:max-downtime/@hours"/></xsl:call-template>.</xsl:when>
          <xsl:otherwise><span class="gap">inte beslutad</span>.</xsl:otherwise>
        </xsl:choose>
        Största acceptabla dataförlust:
        <xsl:choose>
          <xsl:when test="s:data-loss"><xsl:call-template name="hours"><xsl:with-param name="n" select="s:data-loss/@hours"/></xsl:call-template>.</xsl:when>
          <xsl:otherwise><span class="gap">inte beslutad</span>.</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space(s:data-loss) != ''">
          <xsl:text> </xsl:text><xsl:value-of select="normalize-space(s:data-loss)"/>
        </xsl:if>
      </p>
      <xsl:call-template name="gaps"/>
      <h3>Reservrutin</h3>
      <xsl:apply-templates select="s:fallback/s:prose/md:document"/>
      <h3>Återställningsordning</h3>
      <xsl:variable name="steps" select="s:restore-order/s:step"/>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table>
        <caption>
          <xsl:text>Återställningen steg för steg</xsl:text>
          <xsl:if test="s:restore-order/@tested">, med tider från provet <xsl:value-of select="s:restore-order/@tested"/></xsl:if>
        </caption>
        <thead><tr><th scope="col">Steg</th><th scope="col">Vad som görs</th><th scope="col">Tid vid senaste prov</th></tr></thead>
        <tbody>
          <xsl:for-each select="$steps">
            <tr>
              <th scope="row"><xsl:value-of select="position()"/></th>
              <td><xsl:value-of select="."/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@minutes"><xsl:call-template name="duration"><xsl:with-param name="minutes" select="@minutes"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><span class="gap">saknas</span></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($steps[not(@minutes)])">
            <tr>
              <th scope="row" colspan="2">Sammanlagt</th>
              <td><xsl:call-template name="duration"><xsl:with-param name="minutes" select="sum($steps/@minutes)"/></xsl:call-template></td>
            </tr>
          </xsl:if>
        </tbody>
        </table>
      </div>
      <xsl:if test="s:dependencies">
        <h3>Beroenden</h3>
        <ul>
          <xsl:for-each select="s:dependencies/s:depends">
            <li>
              <xsl:if test="@system"><a href="{key('id', @system)/parent::s:systems/@id}.html#{@system}"><xsl:value-of select="key('id', @system)/s:name"/></a>: </xsl:if>
              <xsl:value-of select="."/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <h3>Kontakter</h3>
      <xsl:choose>
        <xsl:when test="s:contacts/@restricted = 'yes' and $restricted != 'include'">
          <p>Kontaktlistan publiceras inte. Den finns i den interna versionen av planen.</p>
        </xsl:when>
        <xsl:otherwise>
          <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
            <table>
            <caption>Kontakter i eskaleringsordning</caption>
            <thead><tr><th scope="col">Roll</th><th scope="col">Namn eller funktion</th><th scope="col">Nås via</th></tr></thead>
            <tbody>
              <xsl:for-each select="s:contacts/s:contact">
                <tr><th scope="row"><xsl:value-of select="@role"/></th><td><xsl:value-of select="."/></td><td><xsl:value-of select="@reach"/></td></tr>
              </xsl:for-each>
            </tbody>
            </table>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <h3>Senaste övning</h3>
      <xsl:choose>
        <xsl:when test="s:exercise"><p><xsl:value-of select="s:exercise/@date"/>: <xsl:value-of select="s:exercise"/></p></xsl:when>
        <xsl:otherwise><p><span class="gap">Planen har inte övats.</span></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
