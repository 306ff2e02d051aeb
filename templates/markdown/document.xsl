<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  document.xsl - one governing document as CommonMark.  The result must
  parse back with cmark to the same structure: every piece of source text
  is escaped ("esc"), blocks are written with the prefix of their
  container (block quotes, list items), and nothing relies on
  extensions such as tables.  A redline (diff.xsl) marks its changes in
  CriticMarkup (see commonmark.xsl).  Parameter: doc, the document id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s md c exsl">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/model.xsl"/>
  <xsl:import href="commonmark.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text># </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$meta/s:title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>*</xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$org-name"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="type-name"/>
    <xsl:value-of select="concat(' · version ', $meta/s:version, ' · Dokument-id ', $short-hash)"/>
    <xsl:value-of select="concat('*', $nl, $nl)"/>
    <xsl:if test="$is-draft">
      <xsl:text>&gt; **UTKAST** – </xsl:text>
      <xsl:call-template name="status-name"/>
      <xsl:value-of select="concat(', inte beslutad.', $nl, $nl)"/>
    </xsl:if>
    <xsl:call-template name="docinfo"/>
    <xsl:call-template name="redline-summary"/>
    <xsl:apply-templates select="$document/s:body/s:section"/>
    <xsl:call-template name="roles"/>
    <xsl:call-template name="history"/>
    <xsl:apply-templates select="$document/s:acknowledgement"/>
    <xsl:text>---</xsl:text>
    <xsl:value-of select="concat($nl, $nl, 'Dokument-id ', $short-hash, $nl)"/>
  </xsl:template>

  <!-- ===== Metadata ===== -->

  <!-- Where a redline puts its summary of changes (see diff.xsl). -->
  <xsl:template name="redline-summary"/>

  <!-- One list item per value, as "- **Label:** value". -->
  <xsl:template name="docinfo">
    <xsl:value-of select="concat('## Dokumentinformation', $nl, $nl)"/>
    <xsl:for-each select="$docinfo">
      <xsl:variable name="label" select="@label"/>
      <xsl:for-each select="v">
        <xsl:text>- **</xsl:text>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$label"/></xsl:call-template>
        <xsl:text>:** </xsl:text>
        <xsl:if test="../old">
          <xsl:text>{--</xsl:text>
          <xsl:call-template name="esc-line"><xsl:with-param name="t" select="../old"/></xsl:call-template>
          <xsl:text>--} {++</xsl:text>
        </xsl:if>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:if test="@doc"><xsl:value-of select="concat(' (version ', @version, ')')"/></xsl:if>
        <xsl:if test="@missing = 'yes'"> – saknas ännu</xsl:if>
        <xsl:if test="../old">++}</xsl:if>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:value-of select="concat('- **Dokument-id:** ', $short-hash, ' – ', $doc-id-meaning, $nl)"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ===== Body ===== -->

  <xsl:template match="s:section">
    <xsl:value-of select="substring('#####', 1, count(ancestor::s:section) + 2)"/>
    <xsl:value-of select="concat(' ', @num, ' ')"/>
    <xsl:call-template name="field"><xsl:with-param name="f" select="s:title"/></xsl:call-template>
    <xsl:call-template name="critic-note"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:apply-templates select="*[not(self::s:title)]"/>
  </xsl:template>

  <xsl:template match="s:prose">
    <xsl:apply-templates select="md:document/*" mode="block">
      <xsl:with-param name="first" select="''"/>
      <xsl:with-param name="prefix" select="''"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="s:requirement">
    <xsl:variable name="parts"><xsl:call-template name="requirement-parts"/></xsl:variable>
    <xsl:text>&gt; **</xsl:text>
    <xsl:call-template name="requirement-label"/>
    <xsl:text>**</xsl:text>
    <xsl:call-template name="critic-note"/>
    <xsl:value-of select="concat($nl, '&gt;', $nl, '&gt; **')"/>
    <xsl:call-template name="field"><xsl:with-param name="f" select="s:statement"/></xsl:call-template>
    <xsl:value-of select="concat('**', $nl, '&gt;', $nl, '&gt; *')"/>
    <xsl:for-each select="exsl:node-set($parts)/part">
      <xsl:if test="position() > 1"> · </xsl:if>
      <xsl:value-of select="concat(@label, ': ')"/>
      <xsl:if test="old">
        <xsl:text>{--</xsl:text>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="old"/></xsl:call-template>
        <xsl:text>--} {++</xsl:text>
      </xsl:if>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="v"/></xsl:call-template>
      <xsl:if test="old">++}</xsl:if>
    </xsl:for-each>
    <xsl:value-of select="concat('*', $nl)"/>
    <xsl:for-each select="s:prose/md:document/*">
      <xsl:value-of select="concat('&gt;', $nl)"/>
      <xsl:apply-templates select="." mode="block">
        <xsl:with-param name="first" select="'&gt; '"/>
        <xsl:with-param name="prefix" select="'&gt; '"/>
      </xsl:apply-templates>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="s:definitions">
    <!-- "*" so that a Markdown list in the prose next to it stays apart. -->
    <xsl:for-each select="s:term">
      <xsl:text>* **</xsl:text>
      <xsl:call-template name="field"><xsl:with-param name="f" select="s:name"/></xsl:call-template>
      <xsl:text>** – </xsl:text>
      <xsl:call-template name="field"><xsl:with-param name="f" select="s:definition"/></xsl:call-template>
      <xsl:call-template name="critic-note"/>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The responsibility matrix: one line per activity (CommonMark has no tables). -->
  <xsl:template match="s:matrix-ref">
    <xsl:variable name="m" select="key('id', @ref)"/>
    <xsl:text>**</xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$m/s:title"/></xsl:call-template>
    <xsl:text>**</xsl:text>
    <xsl:call-template name="critic-note"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:for-each select="$m/s:activity">
      <xsl:text>+ **</xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:name"/></xsl:call-template>
      <xsl:text>:** </xsl:text>
      <xsl:for-each select="s:part">
        <xsl:if test="position() > 1">, </xsl:if>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="concat(key('id', @party), ' (', @role, ')')"/></xsl:call-template>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
    <xsl:if test="$m/s:legend">
      <xsl:text>*</xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$m/s:legend"/></xsl:call-template>
      <xsl:value-of select="concat('*', $nl, $nl)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="s:acknowledgement">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <xsl:text>## Bilaga: </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>- **Dokument:** </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$meta/s:title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, '- **Version:** ', $meta/s:version, $nl, '- **Beslut:** ')"/>
    <xsl:choose>
      <xsl:when test="$dec/@date"><xsl:call-template name="esc-line"><xsl:with-param name="t"><xsl:call-template name="decision-ref"><xsl:with-param name="d" select="$dec"/></xsl:call-template><xsl:if test="$dec/@dnr">, dnr <xsl:value-of select="$dec/@dnr"/></xsl:if></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise>Ej beslutad</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat($nl, '- **Kontrollsumma:** `', $short-hash, '`', $nl, $nl, '**')"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:statement"/></xsl:call-template>
    <xsl:value-of select="concat('**', $nl, $nl)"/>
    <xsl:value-of select="concat('Namn: ______________________________', '', $nl, 'Förvaltning och enhet: ______________________________', '', $nl, 'Befattning: ______________________________', '', $nl, 'Anställningsnummer: ______________________________', '', $nl, 'Ort och datum: ______________________________', '', $nl, 'Underskrift: ______________________________', $nl, $nl)"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:filing"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
  </xsl:template>

  <!-- ===== Roles and history ===== -->

  <xsl:template name="roles">
    <xsl:if test="$doc-roles">
      <xsl:value-of select="concat('## Roller i dokumentet', $nl, $nl)"/>
      <xsl:for-each select="$doc-roles">
        <xsl:variable name="rid" select="@id"/>
        <xsl:text>- **</xsl:text>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:name"/></xsl:call-template>
        <xsl:text>**</xsl:text>
        <xsl:if test="s:holder">
          <xsl:text> – </xsl:text>
          <xsl:for-each select="s:holder">
            <xsl:if test="position() > 1">, </xsl:if>
            <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
          </xsl:for-each>
        </xsl:if>
        <xsl:variable name="reqs" select="$document//s:requirement[@role = $rid][not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"/>
        <xsl:if test="$reqs">
          <xsl:text>; ansvarar för krav </xsl:text>
          <xsl:for-each select="$reqs">
            <xsl:if test="position() > 1">, </xsl:if>
            <xsl:value-of select="@num"/>
          </xsl:for-each>
        </xsl:if>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="history">
    <xsl:value-of select="concat('## Versionshistorik', $nl, $nl)"/>
    <xsl:for-each select="$document/s:history/s:revision">
      <xsl:value-of select="concat('- **', @version, '** (', @date, ', ')"/>
      <xsl:choose>
        <xsl:when test="@organ">
          <xsl:call-template name="esc-line">
            <xsl:with-param name="t"><xsl:call-template name="decision-ref"><xsl:with-param name="with-date" select="false()"/></xsl:call-template><xsl:if test="@dnr">, dnr <xsl:value-of select="@dnr"/></xsl:if></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>ej beslutad</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@author">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="esc-line">
          <xsl:with-param name="t"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@author"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:text>): </xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
      <xsl:if test="@superseded"><xsl:text> Upphävd genom </xsl:text><xsl:call-template name="esc-line"><xsl:with-param name="t" select="@superseded"/></xsl:call-template>.</xsl:if>
      <xsl:if test="@archived = 'no'"> *Texten är inte arkiverad.*</xsl:if>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

</xsl:stylesheet>
