<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!-- systems.xsl (Markdown) - the system register, one section per system. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="register" select="/s:project/s:source/s:systems[@id = $doc]"/>

  <xsl:template match="/">
    <xsl:call-template name="frame-head">
      <xsl:with-param name="title" select="string($register/s:title)"/>
      <xsl:with-param name="kind" select="'Register'"/>
    </xsl:call-template>
    <!-- The content goes straight to the output, not through a
         parameter: a long text parameter is rebuilt on every append. -->
    <xsl:if test="$register/@example = 'yes'">
      <xsl:value-of select="concat('&gt; Exempeldata – uppgifterna är påhittade.', $nl, $nl)"/>
    </xsl:if>
    <xsl:value-of select="concat(count($register/s:system), ' system, varav ', count($register/s:system[@prioritised = 'yes']), substring(' prioriterat', 1, 12 * (count($register/s:system[@prioritised = 'yes']) = 1)), substring(' prioriterade', 1, 13 * (count($register/s:system[@prioritised = 'yes']) != 1)), '. Uppdaterad ', $register/s:updated, '. Brister per ', /s:project/@as-of, ': ', count($register/s:system/s:gap), '.', $nl, $nl)"/>
    <!-- Each system in an element of its own: the text output ignores it,
         but it keeps libxslt from appending every line to one ever
         longer text node (quadratic in the size of the register). -->
    <xsl:for-each select="$register/s:system">
      <part><xsl:apply-templates select="."/></part>
    </xsl:for-each>

  </xsl:template>

  <xsl:template match="s:system">
    <xsl:text>## </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:name"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:purpose"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Nämnd'"/>
      <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="s:committee/@organ"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Systemägare'"/>
      <xsl:with-param name="value"><xsl:choose><xsl:when test="s:owner"><xsl:value-of select="s:owner"/></xsl:when><xsl:otherwise>ingen utsedd</xsl:otherwise></xsl:choose></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Systemansvarig'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="s:administrator/@restricted = 'yes' and $restricted != 'include'">uppgiften publiceras inte</xsl:when>
          <xsl:otherwise><xsl:value-of select="s:administrator"/><xsl:if test="s:administrator/@contact"> (<xsl:value-of select="s:administrator/@contact"/>)</xsl:if></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Drift'"/>
      <xsl:with-param name="value"><xsl:call-template name="operator"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Prioriterat'"/>
      <xsl:with-param name="value"><xsl:call-template name="yes-no"><xsl:with-param name="v" select="@prioritised"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Används utanför kontorstid'"/>
      <xsl:with-param name="value"><xsl:call-template name="yes-no"><xsl:with-param name="v" select="@outside-hours"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Klassning K/R/T/S'"/>
      <xsl:with-param name="value"><xsl:choose><xsl:when test="s:classification"><xsl:call-template name="klassa"/><xsl:value-of select="concat(' (', s:classification/@date, ')')"/></xsl:when><xsl:otherwise>ej klassat</xsl:otherwise></xsl:choose></xsl:with-param>
    </xsl:call-template>
    <xsl:if test="s:level4 or s:classification/@*[. = '4']">
      <xsl:call-template name="md-field">
        <xsl:with-param name="label" select="'Nivå 4: så får informationen hanteras'"/>
        <xsl:with-param name="value"><xsl:choose><xsl:when test="s:level4"><xsl:value-of select="normalize-space(s:level4)"/><xsl:call-template name="level4-analysis"/></xsl:when><xsl:otherwise>särskild riskanalys och beslut saknas</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Längsta acceptabla avbrottstid'"/>
      <xsl:with-param name="value"><xsl:if test="s:max-downtime"><xsl:call-template name="hours"><xsl:with-param name="n" select="s:max-downtime/@hours"/></xsl:call-template></xsl:if></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Avbrottsfri kraft (UPS)'"/>
      <xsl:with-param name="value"><xsl:if test="s:ups"><xsl:call-template name="yes-no"><xsl:with-param name="v" select="s:ups/@needed"/></xsl:call-template></xsl:if></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Kontinuitetsplan'"/>
      <xsl:with-param name="value" select="key('id', s:continuity/@plan)/@date"/>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Driftsavtal'"/>
      <xsl:with-param name="value" select="s:operations-agreement/@date"/>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Supportavtal'"/>
      <xsl:with-param name="value"><xsl:for-each select="s:support-agreement"><xsl:value-of select="@vendor"/>, täcker <xsl:call-template name="covers"><xsl:with-param name="c" select="@covers"/></xsl:call-template><xsl:if test="@expires">, till <xsl:value-of select="@expires"/></xsl:if></xsl:for-each></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="md-field">
      <xsl:with-param name="label" select="'Senaste behörighetsgenomgång'"/>
      <xsl:with-param name="value" select="s:access-review/@date"/>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="gaps"/>
  </xsl:template>
</xsl:stylesheet>
