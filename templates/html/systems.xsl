<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  systems.xsl - the system register (systemförteckning) as an HTML page:
  an overview table, then every system with all it records and the gaps
  the rules found.  Parameter: doc, the id of the <systems> register.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="register" select="/s:project/s:source/s:systems[@id = $doc]"/>

  <xsl:template match="/">
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="string($register/s:title)"/>
      <xsl:with-param name="kind" select="'Register'"/>
      <xsl:with-param name="stamp" select="concat(normalize-space($register/s:title), ' · uppdaterad ', $register/s:updated)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="$register"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="s:systems">
    <xsl:if test="@example = 'yes'">
      <p class="draft-mark">Exempeldata – uppgifterna är påhittade.</p>
    </xsl:if>
    <p>
      <xsl:value-of select="count(s:system)"/> system, varav
      <xsl:value-of select="count(s:system[@prioritised = 'yes'])"/>
      <xsl:choose><xsl:when test="count(s:system[@prioritised = 'yes']) = 1"> prioriterat och</xsl:when><xsl:otherwise> prioriterade och</xsl:otherwise></xsl:choose>
      <xsl:value-of select="count(s:system[@outside-hours = 'yes'])"/> som används utanför kontorstid.
      Förteckningen uppdaterades <xsl:value-of select="s:updated"/>.
      Brister per <xsl:value-of select="/s:project/@as-of"/>: <xsl:value-of select="count(s:system/s:gap)"/>.
    </p>
    <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
      <table>
        <caption>Översikt över systemen</caption>
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">Nämnd</th>
            <th scope="col">Systemägare</th>
            <th scope="col">Drift</th>
            <th scope="col">Prioriterat</th>
            <th scope="col">Utanför kontorstid</th>
            <th scope="col">K/R/T/S</th>
            <th scope="col">Brister</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="s:system">
            <tr>
              <th scope="row"><a href="#{@id}"><xsl:value-of select="s:name"/></a></th>
              <td><xsl:value-of select="s:committee/@organ"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="s:owner"><xsl:value-of select="s:owner"/></xsl:when>
                  <xsl:otherwise><span class="gap">Saknas</span></xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:call-template name="operator-kind"/></td>
              <td><xsl:call-template name="yes-no"><xsl:with-param name="v" select="@prioritised"/></xsl:call-template></td>
              <td><xsl:call-template name="yes-no"><xsl:with-param name="v" select="@outside-hours"/></xsl:call-template></td>
              <td>
                <xsl:choose>
                  <xsl:when test="s:classification">
                    <xsl:call-template name="klassa"/>
                  </xsl:when>
                  <xsl:otherwise><span class="gap">Ej klassat</span></xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="count(s:gap)"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:apply-templates select="s:system"/>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="missing" select="''"/>
    <tr>
      <th scope="row"><xsl:value-of select="$label"/></th>
      <td>
        <xsl:choose>
          <xsl:when test="string($value) != ''"><xsl:copy-of select="$value"/></xsl:when>
          <xsl:when test="$missing != ''"><span class="gap"><xsl:value-of select="$missing"/></span></xsl:when>
          <xsl:otherwise>–</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="s:system">
    <xsl:variable name="plan" select="key('id', s:continuity/@plan)"/>
    <xsl:variable name="analysis" select="key('analysis-of', @id)"/>
    <section id="{@id}" aria-labelledby="{@id}-h">
      <h2 id="{@id}-h"><xsl:value-of select="s:name"/></h2>
      <p><xsl:value-of select="s:purpose"/></p>
      <table class="docinfo">
        <caption class="visually-hidden">Uppgifter om <xsl:value-of select="s:name"/></caption>
        <tbody>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Nämnd'"/>
            <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="s:committee/@organ"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Systemägare'"/>
            <xsl:with-param name="value" select="string(s:owner)"/>
            <xsl:with-param name="missing" select="'Ingen utsedd'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Systemansvarig'"/>
            <xsl:with-param name="value">
              <xsl:if test="not(s:administrator/@restricted = 'yes') or $restricted = 'include'">
                <xsl:value-of select="s:administrator"/>
                <xsl:if test="s:administrator/@contact"> (<xsl:value-of select="s:administrator/@contact"/>)</xsl:if>
              </xsl:if>
              <xsl:if test="s:administrator/@restricted = 'yes' and $restricted != 'include'">Uppgiften publiceras inte</xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Drift'"/>
            <xsl:with-param name="value"><xsl:call-template name="operator"/></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Prioriterat'"/>
            <xsl:with-param name="value"><xsl:call-template name="yes-no"><xsl:with-param name="v" select="@prioritised"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Används utanför kontorstid'"/>
            <xsl:with-param name="value"><xsl:call-template name="yes-no"><xsl:with-param name="v" select="@outside-hours"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Klassning K/R/T/S'"/>
            <xsl:with-param name="value">
              <xsl:if test="s:classification">
                <xsl:call-template name="klassa"/><xsl:value-of select="concat(' (', s:classification/@date, ')')"/>
              </xsl:if>
            </xsl:with-param>
            <xsl:with-param name="missing" select="'Ej klassat'"/>
          </xsl:call-template>
          <xsl:if test="s:level4 or s:classification/@*[. = '4']">
            <xsl:call-template name="field">
              <xsl:with-param name="label" select="'Nivå 4: så får informationen hanteras'"/>
              <xsl:with-param name="value"><xsl:if test="s:level4"><xsl:value-of select="s:level4"/><xsl:call-template name="level4-analysis"/></xsl:if></xsl:with-param>
              <xsl:with-param name="missing" select="'Särskild riskanalys och beslut saknas'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Längsta acceptabla avbrottstid'"/>
            <xsl:with-param name="value"><xsl:if test="s:max-downtime"><xsl:call-template name="hours"><xsl:with-param name="n" select="s:max-downtime/@hours"/></xsl:call-template></xsl:if></xsl:with-param>
            <xsl:with-param name="missing" select="substring('Ej beslutad', 1, 11 * (@prioritised = 'yes'))"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Behov av avbrottsfri kraft (UPS)'"/>
            <xsl:with-param name="value"><xsl:if test="s:ups"><xsl:call-template name="yes-no"><xsl:with-param name="v" select="s:ups/@needed"/></xsl:call-template></xsl:if></xsl:with-param>
            <xsl:with-param name="missing" select="substring('Ej beslutat', 1, 11 * (@prioritised = 'yes'))"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Kontinuitetsplan'"/>
            <xsl:with-param name="value"><xsl:if test="$plan">Upprättad <xsl:value-of select="$plan/@date"/></xsl:if></xsl:with-param>
            <xsl:with-param name="missing" select="substring('Saknas', 1, 6 * (@prioritised = 'yes'))"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Senaste riskanalys'"/>
            <xsl:with-param name="value">
              <xsl:for-each select="$analysis">
                <xsl:sort select="@date" order="descending"/>
                <xsl:if test="position() = 1"><xsl:value-of select="@date"/></xsl:if>
              </xsl:for-each>
            </xsl:with-param>
            <xsl:with-param name="missing" select="substring('Saknas', 1, 6 * (@prioritised = 'yes'))"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Driftsavtal'"/>
            <xsl:with-param name="value"><xsl:if test="s:operations-agreement"><xsl:value-of select="s:operations-agreement/@date"/><xsl:if test="normalize-space(s:operations-agreement) != ''">, <xsl:value-of select="normalize-space(s:operations-agreement)"/></xsl:if></xsl:if></xsl:with-param>
            <xsl:with-param name="missing" select="substring('Saknas', 1, 6 * (@prioritised = 'yes'))"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Supportavtal'"/>
            <xsl:with-param name="value">
              <xsl:for-each select="s:support-agreement">
                <xsl:value-of select="@vendor"/>
                <xsl:text>, täcker </xsl:text>
                <xsl:call-template name="covers"><xsl:with-param name="c" select="@covers"/></xsl:call-template>
                <xsl:if test="@expires">, gäller till <xsl:value-of select="@expires"/></xsl:if>
              </xsl:for-each>
            </xsl:with-param>
            <xsl:with-param name="missing" select="substring('Saknas', 1, 6 * (@outside-hours = 'yes'))"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="label" select="'Senaste behörighetsgenomgång'"/>
            <xsl:with-param name="value" select="string(s:access-review/@date)"/>
            <xsl:with-param name="missing" select="'Ingen'"/>
          </xsl:call-template>
          <xsl:if test="s:note">
            <xsl:call-template name="field">
              <xsl:with-param name="label" select="'Anteckning'"/>
              <xsl:with-param name="value" select="string(s:note)"/>
            </xsl:call-template>
          </xsl:if>
        </tbody>
      </table>
      <xsl:call-template name="gaps"/>
    </section>
  </xsl:template>
</xsl:stylesheet>
