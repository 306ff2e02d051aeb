<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  redline.xsl - the words of a redline, shared by every format: what was
  compared with what ("Version 2.1 (utkast) jämfört med version 2.0,
  beslutad KF 2027-02-01 § 12"), and for each entry of the change
  summary (<redline>/<changes>/<change>, written by styrdok's diff) a
  short label and a line saying what changed.  Text only; each format
  puts it in its own markup.  Imported after common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:c="urn:styrdok:change:1"
    exclude-result-prefixes="s c">

  <!-- The changes a reader counts (a new version number alone is none). -->
  <xsl:variable name="changes" select="$redline/s:changes/s:change[not(@kind = 'meta' and (@field = 'version' or @field = 'status'))]"/>

  <!--
    How an official names a version: "utkast 2.1" for a draft, "version
    2.0, beslutad av KF 2027-02-01 § 12" for a decided one.  $m: a <meta>.
  -->
  <xsl:template name="version-phrase">
    <xsl:param name="m"/>
    <xsl:variable name="status">
      <xsl:call-template name="status-name"><xsl:with-param name="key" select="$m/s:status"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lower" select="translate($status, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ', 'abcdefghijklmnopqrstuvwxyzåäö')"/>
    <xsl:choose>
      <xsl:when test="$m/s:decision/@date">
        <xsl:value-of select="concat('version ', $m/s:version, ', ', $lower, ' av ')"/>
        <xsl:call-template name="decision-ref"><xsl:with-param name="d" select="$m/s:decision"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($lower, ' ', $m/s:version)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Utkast 2.1 jämfört med version 2.0, beslutad av KF …." for redline $r. -->
  <xsl:template name="redline-compared">
    <xsl:param name="r" select="$redline"/>
    <xsl:variable name="new">
      <xsl:call-template name="version-phrase"><xsl:with-param name="m" select="$r/s:document/s:meta"/></xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="concat(translate(substring($new, 1, 1), 'abcdefghijklmnopqrstuvwxyzåäö', 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ'), substring($new, 2))"/>
    <xsl:text> jämfört med </xsl:text>
    <xsl:call-template name="version-phrase"><xsl:with-param name="m" select="$r/s:previous/s:meta"/></xsl:call-template>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- The label of a metadata field: the profile's, "Titel" for the title. -->
  <xsl:template name="field-label">
    <xsl:param name="field" select="@field"/>
    <xsl:choose>
      <xsl:when test="$field = 'title'">Titel</xsl:when>
      <xsl:otherwise><xsl:call-template name="label"><xsl:with-param name="key" select="$field"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A value of a metadata change: a name for ids, "–" when empty. -->
  <xsl:template name="field-value">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) = ''">–</xsl:when>
      <xsl:when test="@names = 'yes'"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="string($v)"/></xsl:call-template></xsl:when>
      <xsl:when test="@field = 'status'"><xsl:call-template name="status-name"><xsl:with-param name="key" select="string($v)"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The short label of a change (the context is an s:change). -->
  <xsl:template name="change-label">
    <xsl:choose>
      <xsl:when test="@kind = 'meta'">Uppgift ändrad</xsl:when>
      <xsl:when test="@kind = 'section-added'">Nytt avsnitt</xsl:when>
      <xsl:when test="@kind = 'section-removed'">Borttaget avsnitt</xsl:when>
      <xsl:when test="@kind = 'section-moved'">Flyttat avsnitt</xsl:when>
      <xsl:when test="@kind = 'section-renamed'">Ny rubrik</xsl:when>
      <xsl:when test="@kind = 'requirement-added'">Nytt krav</xsl:when>
      <xsl:when test="@kind = 'requirement-removed'">Borttaget krav</xsl:when>
      <xsl:when test="@kind = 'requirement-reworded'">Ny lydelse</xsl:when>
      <xsl:when test="@kind = 'requirement-role'">Ny ansvarig</xsl:when>
      <xsl:when test="@kind = 'requirement-moved'">Flyttat krav</xsl:when>
      <xsl:when test="@kind = 'term-added'">Nytt begrepp</xsl:when>
      <xsl:when test="@kind = 'term-removed'">Borttaget begrepp</xsl:when>
      <xsl:when test="@kind = 'term-changed'">Ändrat begrepp</xsl:when>
      <xsl:when test="@kind = 'term-moved'">Flyttat begrepp</xsl:when>
      <xsl:otherwise>Löptext</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What changed, in a line (the context is an s:change). -->
  <xsl:template name="change-detail">
    <xsl:choose>
      <xsl:when test="@kind = 'meta'">
        <xsl:call-template name="field-label"/>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="field-value"><xsl:with-param name="v" select="s:old"/></xsl:call-template>
        <xsl:text> → </xsl:text>
        <xsl:call-template name="field-value"><xsl:with-param name="v" select="s:new"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@kind = 'section-renamed'">
        <xsl:value-of select="concat('Avsnitt ', @num, ' heter nu ”', s:new, '” (tidigare ”', s:old, '”).')"/>
      </xsl:when>
      <xsl:when test="@kind = 'section-moved'">
        <xsl:value-of select="concat('”', s:text, '” står nu som avsnitt ', @num, '.')"/>
      </xsl:when>
      <xsl:when test="@kind = 'section-removed'">
        <xsl:value-of select="concat('Avsnitt ', @num, ' ”', s:text, '” finns inte längre.')"/>
      </xsl:when>
      <xsl:when test="starts-with(@kind, 'section-')">
        <xsl:value-of select="concat('Avsnitt ', @num, ' ”', s:text, '”.')"/>
      </xsl:when>
      <xsl:when test="@kind = 'requirement-role'">
        <xsl:value-of select="concat('Krav ', @num, ': ')"/>
        <xsl:call-template name="name-of"><xsl:with-param name="ref" select="@old"/></xsl:call-template>
        <xsl:text> → </xsl:text>
        <xsl:call-template name="name-of"><xsl:with-param name="ref" select="@new"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with(@kind, 'requirement-')">
        <xsl:value-of select="concat('Krav ', @num, ': ', s:text)"/>
      </xsl:when>
      <xsl:when test="starts-with(@kind, 'term-')">
        <xsl:value-of select="s:text"/>
      </xsl:when>
      <xsl:when test="@count = 1">Ändrad på 1 ställe, markerat i texten.</xsl:when>
      <xsl:otherwise>Ändrad på <xsl:value-of select="@count"/> ställen, markerade i texten.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What a block's mark says, for a note at its start or a comment. -->
  <xsl:template name="change-note">
    <xsl:param name="c" select="@c:change"/>
    <xsl:choose>
      <xsl:when test="$c = 'inserted' and self::s:section">Nytt avsnitt</xsl:when>
      <xsl:when test="$c = 'inserted' and self::s:requirement">Nytt krav</xsl:when>
      <xsl:when test="$c = 'inserted' and self::s:term">Nytt begrepp</xsl:when>
      <xsl:when test="$c = 'inserted'">Ny text</xsl:when>
      <xsl:when test="$c = 'deleted' and self::s:section">Borttaget avsnitt</xsl:when>
      <xsl:when test="$c = 'deleted' and self::s:requirement">Borttaget krav</xsl:when>
      <xsl:when test="$c = 'deleted' and self::s:term">Borttaget begrepp</xsl:when>
      <xsl:when test="$c = 'deleted'">Borttagen text</xsl:when>
      <xsl:when test="$c = 'moved'">Flyttat hit</xsl:when>
      <xsl:when test="$c = 'moved-away'">
        <xsl:text>Flyttat härifrån</xsl:text>
        <xsl:variable name="to" select="ancestor::s:document[1]//*[@id = current()/@c:id]"/>
        <xsl:if test="$to/@num">
          <xsl:text> till </xsl:text>
          <xsl:choose>
            <xsl:when test="self::s:section">avsnitt </xsl:when>
            <xsl:when test="self::s:requirement">krav </xsl:when>
          </xsl:choose>
          <xsl:value-of select="$to/@num"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$c = 'changed'">Ändrad text</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The mark in force at the context node: its own or its nearest block's. -->
  <xsl:template name="change-in-force">
    <xsl:value-of select="ancestor-or-self::*[@c:change][1]/@c:change"/>
  </xsl:template>
</xsl:stylesheet>
