<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  model.xsl - what a governing document says, once for every format:
  the rows of its dokumentinformation in the order of the profile's
  labels, and the parts of a requirement's line under the statement
  (responsible role, the service that carries it out, ISO/IEC 27002).
  Each is a small tree (exsl:node-set) that html/, fo/, markdown/,
  docx/ and odt/ only put into their own markup.  In a redline, a value
  that changed carries the old one as <old>.  Imported after common.xsl.

    $docinfo: <row key label> per profile label that has a value, each
      with one <v> per value (@gap="yes": shown as a gap; @doc, @version
      or @missing="yes": another document) and <old> when it changed.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:c="urn:styrdok:change:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="s c exsl str">

  <!-- One value naming another document: its title and version, or a gap. -->
  <xsl:template name="doc-value">
    <xsl:variable name="target" select="/s:project/s:source/s:document[@id = current()/@doc]"/>
    <xsl:choose>
      <xsl:when test="$target">
        <v doc="{$target/@id}" version="{$target/s:meta/s:version}"><xsl:value-of select="normalize-space($target/s:meta/s:title)"/></v>
      </xsl:when>
      <xsl:otherwise>
        <v missing="yes"><xsl:value-of select="normalize-space(.)"/></v>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <old> for a field that a redline marks as changed (c:old). -->
  <xsl:template name="old-text">
    <xsl:param name="field"/>
    <xsl:if test="$field/@c:old"><old><xsl:value-of select="$field/@c:old"/></old></xsl:if>
  </xsl:template>

  <xsl:variable name="docinfo-unordered">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <row key="type"><v><xsl:call-template name="type-name"/></v></row>
    <row key="decided-by">
      <v><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dec/@organ"/></xsl:call-template></v>
      <xsl:if test="$dec/@c:old-organ">
        <old><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dec/@c:old-organ"/></xsl:call-template></old>
      </xsl:if>
    </row>
    <row key="decision-date">
      <xsl:choose>
        <xsl:when test="$dec/@date"><v><xsl:value-of select="$dec/@date"/></v></xsl:when>
        <xsl:otherwise><v gap="yes">Ej beslutad</v></xsl:otherwise>
      </xsl:choose>
    </row>
    <xsl:if test="$dec/@paragraph"><row key="paragraph"><v><xsl:value-of select="concat('§ ', $dec/@paragraph)"/></v></row></xsl:if>
    <xsl:if test="$dec/@dnr"><row key="dnr"><v><xsl:value-of select="$dec/@dnr"/></v></row></xsl:if>
    <row key="owner">
      <v><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$meta/s:owner/@role"/></xsl:call-template></v>
      <xsl:if test="$meta/s:owner/@c:old-role">
        <old><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$meta/s:owner/@c:old-role"/></xsl:call-template></old>
      </xsl:if>
    </row>
    <row key="applies-to">
      <v><xsl:value-of select="normalize-space($meta/s:applies-to)"/></v>
      <xsl:call-template name="old-text"><xsl:with-param name="field" select="$meta/s:applies-to"/></xsl:call-template>
    </row>
    <row key="valid-from">
      <xsl:choose>
        <xsl:when test="$meta/s:valid-from"><v><xsl:value-of select="$meta/s:valid-from"/></v></xsl:when>
        <xsl:otherwise><v>Från beslutsdatum</v></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="old-text"><xsl:with-param name="field" select="$meta/s:valid-from"/></xsl:call-template>
    </row>
    <row key="review-by">
      <v><xsl:value-of select="$meta/s:review-by"/></v>
      <xsl:call-template name="old-text"><xsl:with-param name="field" select="$meta/s:review-by"/></xsl:call-template>
    </row>
    <row key="version">
      <v><xsl:value-of select="$meta/s:version"/></v>
      <xsl:call-template name="old-text"><xsl:with-param name="field" select="$meta/s:version"/></xsl:call-template>
    </row>
    <row key="status">
      <v><xsl:call-template name="status-name"/></v>
      <xsl:if test="$meta/s:status/@c:old">
        <old><xsl:call-template name="status-name"><xsl:with-param name="key" select="$meta/s:status/@c:old"/></xsl:call-template></old>
      </xsl:if>
    </row>
    <xsl:if test="$meta/s:supersedes">
      <row key="supersedes">
        <xsl:for-each select="$meta/s:supersedes">
          <v>
            <xsl:value-of select="normalize-space(.)"/>
            <xsl:text> (</xsl:text><xsl:call-template name="decision-ref"/><xsl:text>)</xsl:text>
          </v>
        </xsl:for-each>
      </row>
    </xsl:if>
    <xsl:if test="$meta/s:requires">
      <row key="requires"><xsl:for-each select="$meta/s:requires"><xsl:call-template name="doc-value"/></xsl:for-each></row>
    </xsl:if>
    <xsl:if test="$meta/s:related">
      <row key="related"><xsl:for-each select="$meta/s:related"><xsl:call-template name="doc-value"/></xsl:for-each></row>
    </xsl:if>
  </xsl:variable>

  <xsl:variable name="docinfo-rows" select="exsl:node-set($docinfo-unordered)/row"/>

  <xsl:variable name="docinfo-ordered">
    <xsl:for-each select="$profile/s:labels/s:label">
      <xsl:variable name="row" select="$docinfo-rows[@key = current()/@key]"/>
      <xsl:if test="$row">
        <row key="{@key}" label="{normalize-space(.)}"><xsl:copy-of select="$row/*"/></row>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="docinfo" select="exsl:node-set($docinfo-ordered)/row"/>

  <!-- "Krav 4", the head of a requirement (the context). -->
  <xsl:template name="requirement-label">
    <xsl:text>Krav</xsl:text>
    <xsl:if test="@num"><xsl:value-of select="concat(' ', @num)"/></xsl:if>
  </xsl:template>

  <!--
    The parts of the line under a requirement's statement, as <part key
    label ref?><v/><old?/></part>: Ansvarig (ref: the role), Utförs
    genom, ISO/IEC 27002.  The context is the requirement.
  -->
  <xsl:template name="requirement-parts">
    <xsl:variable name="parts">
      <part key="role" label="Ansvarig" ref="{@role}">
        <v><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></v>
        <xsl:if test="@c:old-role">
          <old><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@c:old-role"/></xsl:call-template></old>
        </xsl:if>
      </part>
      <xsl:if test="@service">
        <xsl:variable name="svc" select="key('id', @service)"/>
        <part key="service" label="Utförs genom">
          <v>
            <xsl:value-of select="$svc/s:name"/>
            <xsl:if test="$svc/parent::s:provider"> (<xsl:value-of select="$svc/parent::s:provider/s:name"/>)</xsl:if>
          </v>
        </part>
      </xsl:if>
      <xsl:if test="@iso27002">
        <part key="iso27002" label="ISO/IEC 27002"><v><xsl:value-of select="str:replace(normalize-space(@iso27002), ' ', ', ')"/></v></part>
      </xsl:if>
    </xsl:variable>
    <xsl:copy-of select="$parts"/>
  </xsl:template>
</xsl:stylesheet>
