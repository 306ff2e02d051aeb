<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  changes.xsl (odt) - a redline's marks (common/redline.xsl) as ODF
  tracked changes, so an official can accept or reject each one in
  LibreOffice and accepting all of them gives the new version's text:

    - every paragraph of an added block, and every c:ins, lies between
      text:change-start and text:change-end of an insertion;
    - every c:del, and every block removed whole (a moved-away one too),
      is a deletion: its text lives in the deletion's changed-region
      (written here in mode "gone"), and a text:change marks the place:
      inside the paragraph for words, at the start of the next paragraph
      that stands for a removed block;
    - text:tracked-changes, first in office:text, declares them all.

  Region ids come from the node's place in the document (xsl:number), so
  the same tree gives the same bytes.  Imported by diff.xsl after
  document.xsl: its ins-start, ins-end and gone-markers replace the empty
  hooks document.xsl calls in each paragraph it writes, and it leaves the
  removed blocks out of the text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:c="urn:styrdok:change:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="s c md">

  <!-- Blocks that stand for removed text: marked removed, and not inside another one. -->
  <xsl:variable name="gone-blocks" select="$document//*[@c:change = 'deleted' or @c:change = 'moved-away'][not(ancestor::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"/>

  <!--
    The element whose first paragraph takes the marker of a removed
    block: the next one in document order that writes a paragraph of
    its own and is not removed itself.
  -->
  <xsl:key name="gone-before"
      match="*[@c:change = 'deleted' or @c:change = 'moved-away'][not(ancestor::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"
      use="generate-id((following::*[self::s:section or self::s:requirement or self::s:term or self::s:matrix-ref or self::md:paragraph or self::md:heading or self::md:code_block or self::md:thematic_break][not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])])[1])"/>

  <!-- The paragraphs that an addition holds, each its own insertion. -->
  <xsl:variable name="added-paragraphs" select="$document//*[self::s:section or self::s:requirement or self::s:statement or self::s:name or self::s:definition or self::s:matrix-ref or self::md:paragraph or self::md:heading or self::md:code_block or self::md:thematic_break][ancestor-or-self::*[@c:change][1]/@c:change = 'inserted']"/>

  <xsl:variable name="change-author">
    <xsl:variable name="owner" select="/s:project/s:source/s:organisation//s:role[@id = $meta/s:owner/@role]"/>
    <xsl:choose>
      <xsl:when test="$owner"><xsl:value-of select="normalize-space($owner/s:name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$org-name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The id of a change at the context node; $slot tells its paragraphs apart. -->
  <xsl:template name="change-id">
    <xsl:param name="slot" select="0"/>
    <xsl:text>ct</xsl:text>
    <xsl:number level="any" count="node()" from="s:document"/>
    <xsl:value-of select="concat('-', $slot)"/>
  </xsl:template>

  <xsl:template name="change-info">
    <office:change-info>
      <dc:creator><xsl:value-of select="$change-author"/></dc:creator>
      <dc:date>
        <xsl:choose>
          <xsl:when test="$odt-date != ''"><xsl:value-of select="$odt-date"/></xsl:when>
          <xsl:otherwise>1970-01-01T00:00:00</xsl:otherwise>
        </xsl:choose>
      </dc:date>
    </office:change-info>
  </xsl:template>

  <!-- ===== In the paragraphs ===== -->

  <!-- A removed block is not in the text: its changed-region holds it. -->
  <xsl:template match="*[@c:change = 'deleted' or @c:change = 'moved-away'][not(ancestor::*[@c:change = 'deleted' or @c:change = 'moved-away'])]" priority="20"/>

  <!--
    Removed blocks with no paragraph after them in the body: their marks
    start the heading that follows the body (document.xsl), as any other
    removed block's start the paragraph after it; a paragraph of their
    own would stay, empty, when the changes are accepted.
  -->
  <xsl:template name="gone-markers-left">
    <xsl:call-template name="gone-markers"><xsl:with-param name="key" select="''"/></xsl:call-template>
  </xsl:template>

  <!-- Whether the context node's paragraph is part of an addition. -->
  <xsl:template name="is-added">
    <xsl:if test="$redline and ancestor-or-self::*[@c:change][1]/@c:change = 'inserted'">1</xsl:if>
  </xsl:template>

  <xsl:template name="ins-start">
    <xsl:param name="slot" select="0"/>
    <xsl:variable name="added"><xsl:call-template name="is-added"/></xsl:variable>
    <xsl:if test="$added = '1'">
      <text:change-start><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="slot" select="$slot"/></xsl:call-template></xsl:attribute></text:change-start>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ins-end">
    <xsl:param name="slot" select="0"/>
    <xsl:variable name="added"><xsl:call-template name="is-added"/></xsl:variable>
    <xsl:if test="$added = '1'">
      <text:change-end><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="slot" select="$slot"/></xsl:call-template></xsl:attribute></text:change-end>
    </xsl:if>
  </xsl:template>

  <!-- The markers of removed blocks that stood just before the context element. -->
  <xsl:template name="gone-markers">
    <xsl:param name="key" select="generate-id()"/>
    <xsl:if test="$redline">
      <xsl:for-each select="key('gone-before', $key)">
        <text:change><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:ins">
    <text:change-start><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change-start>
    <xsl:apply-templates/>
    <text:change-end><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change-end>
  </xsl:template>

  <xsl:template match="c:del">
    <text:change><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change>
  </xsl:template>

  <!-- A title, statement, name or definition with its word marks. -->
  <xsl:template match="s:title | s:statement | s:name | s:definition" mode="marked">
    <xsl:apply-templates mode="marked"/>
  </xsl:template>
  <xsl:template match="text()" mode="marked">
    <xsl:choose>
      <xsl:when test="../c:* or parent::c:*"><xsl:value-of select="translate(., '&#10;&#13;&#9;', '   ')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="c:ins" mode="marked">
    <text:change-start><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change-start>
    <xsl:apply-templates mode="marked"/>
    <text:change-end><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change-end>
  </xsl:template>
  <xsl:template match="c:del" mode="marked">
    <text:change><xsl:attribute name="text:change-id"><xsl:call-template name="change-id"/></xsl:attribute></text:change>
  </xsl:template>

  <!-- ===== The declarations ===== -->

  <xsl:template name="tracked-changes">
    <xsl:if test="$redline and ($added-paragraphs or $gone-blocks or $document//c:ins or $document//c:del or $docinfo/old or $document//s:requirement/@c:old-role)">
      <text:tracked-changes text:track-changes="false">
        <xsl:for-each select="$added-paragraphs">
          <xsl:call-template name="insertion"/>
          <!-- A requirement writes two paragraphs of its own: head and responsibility. -->
          <xsl:if test="self::s:requirement"><xsl:call-template name="insertion"><xsl:with-param name="slot" select="1"/></xsl:call-template></xsl:if>
          <xsl:if test="self::s:matrix-ref and key('id', @ref)/s:legend"><xsl:call-template name="insertion"><xsl:with-param name="slot" select="1"/></xsl:call-template></xsl:if>
        </xsl:for-each>
        <xsl:for-each select="$document//c:ins"><xsl:call-template name="insertion"/></xsl:for-each>
        <xsl:for-each select="$document//c:del">
          <text:changed-region>
            <xsl:call-template name="region-id"/>
            <text:deletion>
              <xsl:call-template name="change-info"/>
              <text:p><xsl:call-template name="odt-preserve"><xsl:with-param name="s" select="string(.)"/></xsl:call-template></text:p>
            </text:deletion>
          </text:changed-region>
        </xsl:for-each>
        <xsl:call-template name="docinfo-changes"/>
        <xsl:call-template name="role-changes"/>
        <xsl:for-each select="$gone-blocks">
          <text:changed-region>
            <xsl:call-template name="region-id"/>
            <text:deletion>
              <xsl:call-template name="change-info"/>
              <xsl:apply-templates select="." mode="gone"/>
              <!-- The paragraph break after the removed text. -->
              <text:p/>
            </text:deletion>
          </text:changed-region>
        </xsl:for-each>
      </text:tracked-changes>
    </xsl:if>
  </xsl:template>

  <xsl:template name="insertion">
    <xsl:param name="slot" select="0"/>
    <text:changed-region>
      <xsl:call-template name="region-id"><xsl:with-param name="slot" select="$slot"/></xsl:call-template>
      <text:insertion><xsl:call-template name="change-info"/></text:insertion>
    </text:changed-region>
  </xsl:template>

  <!-- xml:id (ODF 1.2 and later) and text:id (what older readers use) of a region. -->
  <xsl:template name="region-id">
    <xsl:param name="slot" select="0"/>
    <xsl:param name="id"><xsl:call-template name="change-id"><xsl:with-param name="slot" select="$slot"/></xsl:call-template></xsl:param>
    <xsl:attribute name="xml:id"><xsl:value-of select="$id"/></xsl:attribute>
    <xsl:attribute name="text:id"><xsl:value-of select="$id"/></xsl:attribute>
  </xsl:template>

  <!-- The changed-regions of the dokumentinformation (see changes.xsl). -->
  <xsl:template name="docinfo-changes">
    <xsl:for-each select="$docinfo">
      <xsl:if test="old">
        <text:changed-region>
          <xsl:call-template name="region-id"><xsl:with-param name="id" select="concat('ctinfo', position(), 'd')"/></xsl:call-template>
          <text:deletion><xsl:call-template name="change-info"/><text:p><xsl:value-of select="old"/></text:p></text:deletion>
        </text:changed-region>
        <text:changed-region>
          <xsl:call-template name="region-id"><xsl:with-param name="id" select="concat('ctinfo', position(), 'i')"/></xsl:call-template>
          <text:insertion><xsl:call-template name="change-info"/></text:insertion>
        </text:changed-region>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The changed-regions of a requirement's new responsible role (see changes.xsl). -->
  <xsl:template name="role-changes">
    <xsl:for-each select="$document//s:requirement[@c:old-role]">
      <xsl:variable name="was"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@c:old-role"/></xsl:call-template></xsl:variable>
      <text:changed-region>
        <xsl:call-template name="region-id"><xsl:with-param name="slot" select="2"/></xsl:call-template>
        <text:deletion><xsl:call-template name="change-info"/><text:p><xsl:value-of select="$was"/></text:p></text:deletion>
      </text:changed-region>
      <xsl:call-template name="insertion"><xsl:with-param name="slot" select="3"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== Removed text, as it stood (mode gone) ===== -->

  <xsl:template match="s:section" mode="gone">
    <text:h text:style-name="Heading_20_{count(ancestor::s:section) + 1}" text:outline-level="{count(ancestor::s:section) + 1}">
      <xsl:value-of select="concat(@num, ' ', normalize-space(s:title))"/>
    </text:h>
    <xsl:apply-templates select="*[not(self::s:title)]" mode="gone"/>
  </xsl:template>

  <xsl:template match="s:prose" mode="gone"><xsl:apply-templates select="md:document/*" mode="gone"/></xsl:template>

  <xsl:template match="s:requirement" mode="gone">
    <text:p text:style-name="Krav_20_rubrik"><xsl:value-of select="concat('Krav ', @num)"/></text:p>
    <text:p text:style-name="Krav"><xsl:value-of select="normalize-space(s:statement)"/></text:p>
    <xsl:apply-templates select="s:prose" mode="gone"/>
  </xsl:template>

  <xsl:template match="s:definitions" mode="gone"><xsl:apply-templates select="s:term" mode="gone"/></xsl:template>

  <xsl:template match="s:term" mode="gone">
    <text:p text:style-name="Begrepp"><xsl:value-of select="normalize-space(s:name)"/></text:p>
    <text:p text:style-name="Definition"><xsl:value-of select="normalize-space(s:definition)"/></text:p>
  </xsl:template>

  <xsl:template match="s:matrix-ref" mode="gone">
    <text:p text:style-name="Table"><xsl:value-of select="key('id', @ref)/s:title"/></text:p>
  </xsl:template>

  <xsl:template match="md:paragraph | md:heading" mode="gone">
    <text:p>
      <xsl:attribute name="text:style-name"><xsl:call-template name="md-paragraph-style"/></xsl:attribute>
      <xsl:apply-templates/>
    </text:p>
  </xsl:template>

  <xsl:template match="md:list" mode="gone">
    <text:list text:style-name="List_20_1"><xsl:apply-templates select="md:item" mode="gone"/></text:list>
  </xsl:template>

  <xsl:template match="md:item" mode="gone">
    <xsl:choose>
      <!-- An item removed from a list that stays: a list of its own here. -->
      <xsl:when test="@c:change">
        <text:list text:style-name="List_20_1"><text:list-item><xsl:apply-templates select="*" mode="gone"/></text:list-item></text:list>
      </xsl:when>
      <xsl:otherwise>
        <text:list-item><xsl:apply-templates select="*" mode="gone"/></text:list-item>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:block_quote | md:document" mode="gone"><xsl:apply-templates select="*" mode="gone"/></xsl:template>

  <xsl:template match="*" mode="gone">
    <text:p text:style-name="Text_20_body"><xsl:value-of select="normalize-space(.)"/></text:p>
  </xsl:template>
</xsl:stylesheet>
