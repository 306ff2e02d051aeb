<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  document.xsl - one governing document as a Word document (DOCX), with
  the content of the HTML page (templates/html/document.xsl): masthead,
  the front-page metadata block (dokumentinformation), a table of
  contents field, numbered sections and requirements, the roles the
  document names, versionshistorik, the acknowledgement staff sign, and
  page furniture (id, version, status, short content hash, "Sida x (y)")
  in the header and footer of every page.

  In a redline (diff.xsl) every change is a tracked change (package.xsl).
  The result is the package manifest of package.xsl, which styrdok zips.
  Parameters: doc, the document id; restricted (documents hold no
  restricted parts, so it changes nothing here).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="s md c w r exsl str">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/model.xsl"/>
  <xsl:import href="../common/redline.xsl"/>
  <xsl:import href="package.xsl"/>
  <xsl:import href="commonmark.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="status-name"><xsl:call-template name="status-name"/></xsl:variable>
  <xsl:variable name="type-name"><xsl:call-template name="type-name"/></xsl:variable>

  <!-- What package.xsl writes into the properties, header and footer. -->
  <xsl:variable name="docx-title" select="string($meta/s:title)"/>
  <xsl:variable name="docx-subject" select="concat($type-name, ': ', $meta/s:title)"/>
  <xsl:variable name="docx-description" select="concat($type-name, ': ', $meta/s:title, ', version ', $meta/s:version, ' (', $status-name, ')')"/>
  <xsl:variable name="docx-keywords" select="normalize-space($meta/s:keywords)"/>
  <xsl:variable name="docx-category" select="$type-name"/>
  <xsl:variable name="docx-status" select="$status-name"/>
  <xsl:variable name="docx-version" select="string($meta/s:version)"/>
  <xsl:variable name="docx-id" select="$doc"/>
  <xsl:variable name="docx-sha256" select="string($sha256)"/>
  <xsl:variable name="docx-draft" select="$is-draft"/>
  <xsl:variable name="docx-header-right" select="concat($type-name, ' · ', $meta/s:title)"/>
  <!-- Title, version and Dokument-id, as on every printed page. -->
  <xsl:variable name="docx-stamp" select="concat(normalize-space($meta/s:title), ' · version ', $meta/s:version, ' · Dokument-id ', $short-hash)"/>

  <!-- Bookmark ids outside the numbered parts (those count from 1). -->
  <xsl:variable name="bm-roles" select="100001"/>
  <xsl:variable name="bm-history" select="100002"/>
  <xsl:variable name="bm-ack" select="100003"/>
  <xsl:variable name="bm-role-base" select="200000"/>

  <!-- ===== Relationships and numbering instances ===== -->

  <xsl:template match="/" mode="docx-rels">
    <xsl:for-each select="$meta/s:requires | $meta/s:related">
      <xsl:variable name="target" select="/s:project/s:source/s:document[@id = current()/@doc]"/>
      <xsl:if test="$target">
        <xsl:call-template name="link-rel">
          <xsl:with-param name="id"><xsl:call-template name="doc-rel-id"/></xsl:with-param>
          <xsl:with-param name="target" select="concat('../../', $target/@id, '/', $target/s:meta/s:version, '/', $target/@id, '.docx')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="$document"><xsl:call-template name="link-rels"/></xsl:for-each>
  </xsl:template>

  <xsl:template name="doc-rel-id">
    <xsl:text>rIdD</xsl:text>
    <xsl:number count="s:requires | s:related"/>
  </xsl:template>

  <xsl:template match="/" mode="docx-nums">
    <xsl:for-each select="$document"><xsl:call-template name="list-nums"/></xsl:for-each>
  </xsl:template>

  <!-- The bookmark id of a section, requirement or term: its place in the document. -->
  <xsl:template name="bookmark-id">
    <xsl:number level="any" count="s:section | s:requirement | s:term" from="s:document"/>
  </xsl:template>

  <!-- ===== The body ===== -->

  <xsl:template match="/" mode="docx-body">
    <xsl:call-template name="logo-paragraph"/>
    <w:p>
      <w:pPr><w:pStyle w:val="Masthead"/></w:pPr>
      <xsl:call-template name="run"><xsl:with-param name="text" select="$org-name"/></xsl:call-template>
    </w:p>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="DocType"/>
        <w:tabs><w:tab w:val="right" w:pos="{$text-w}"/></w:tabs>
      </w:pPr>
      <xsl:call-template name="run"><xsl:with-param name="text" select="$type-name"/></xsl:call-template>
      <w:r><w:tab/></w:r>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="concat('Version ', $meta/s:version, ' · Dokument-id ', $short-hash)"/>
      </xsl:call-template>
    </w:p>
    <xsl:if test="$is-draft">
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="'DraftMark'"/>
        <xsl:with-param name="text" select="concat('UTKAST – ', $status-name, ', inte beslutad')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Title'"/>
      <xsl:with-param name="text" select="$meta/s:title"/>
    </xsl:call-template>
    <xsl:call-template name="docinfo"/>
    <xsl:call-template name="redline-summary"/>
    <xsl:call-template name="toc"/>
    <xsl:apply-templates select="$document/s:body/s:section"/>
    <xsl:call-template name="roles"/>
    <xsl:call-template name="history"/>
    <xsl:apply-templates select="$document/s:acknowledgement"/>
    <xsl:call-template name="colophon"/>
  </xsl:template>

  <!-- ===== Front-page metadata block ===== -->

  <xsl:template name="row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:param name="label">
      <xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    </xsl:param>
    <w:tr>
      <w:trPr><w:cantSplit/></w:trPr>
      <xsl:call-template name="text-cell">
        <xsl:with-param name="w" select="3300"/>
        <xsl:with-param name="text" select="$label"/>
      </xsl:call-template>
      <xsl:call-template name="cell">
        <xsl:with-param name="w" select="$text-w - 3300"/>
        <xsl:with-param name="content" select="$value"/>
      </xsl:call-template>
    </w:tr>
  </xsl:template>

  <xsl:template name="text-value">
    <xsl:param name="text"/>
    <xsl:call-template name="run"><xsl:with-param name="text" select="$text"/></xsl:call-template>
  </xsl:template>

  <!-- Where a redline puts its summary of changes (see diff.xsl). -->
  <xsl:template name="redline-summary"/>

  <xsl:template name="docinfo">
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'FrontHeading'"/>
      <xsl:with-param name="text" select="'Dokumentinformation'"/>
    </xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="style" select="'KeyValueTable'"/>
        <xsl:with-param name="widths" select="concat('3300 ', $text-w - 3300)"/>
        <xsl:with-param name="header" select="false()"/>
        <xsl:with-param name="first-col" select="true()"/>
        <xsl:with-param name="caption" select="'Dokumentinformation'"/>
      </xsl:call-template>
      <xsl:for-each select="$docinfo">
        <xsl:variable name="row" select="position()"/>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="string(@label)"/>
          <xsl:with-param name="value">
            <xsl:if test="old">
              <xsl:call-template name="run">
                <xsl:with-param name="text" select="string(old)"/>
                <xsl:with-param name="track" select="'del'"/>
                <xsl:with-param name="rev" select="900000 + 4 * $row"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:for-each select="v">
              <xsl:if test="position() > 1"><w:r><w:br/></w:r></xsl:if>
              <xsl:apply-templates select="." mode="docinfo">
                <xsl:with-param name="rev" select="900000 + 4 * $row + 1"/>
              </xsl:apply-templates>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="row">
        <xsl:with-param name="label" select="'Dokument-id'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="run"><xsl:with-param name="text" select="$short-hash"/></xsl:call-template>
          <w:r><w:br/></w:r>
          <xsl:call-template name="run"><xsl:with-param name="text" select="$doc-id-meaning"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </w:tbl>
  </xsl:template>

  <!-- A value: text, a gap, or a link to another document's DOCX beside this one. -->
  <xsl:template match="v" mode="docinfo">
    <xsl:param name="rev"/>
    <xsl:choose>
      <xsl:when test="../old">
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="string(.)"/>
          <xsl:with-param name="track" select="'ins'"/>
          <xsl:with-param name="rev" select="$rev"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@gap = 'yes'">
        <xsl:call-template name="run"><xsl:with-param name="text" select="string(.)"/><xsl:with-param name="style" select="'Gap'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@doc">
        <xsl:variable name="doc-id" select="@doc"/>
        <w:hyperlink w:history="1">
          <xsl:attribute name="r:id">
            <xsl:for-each select="$meta/*[self::s:requires or self::s:related][@doc = $doc-id][1]"><xsl:call-template name="doc-rel-id"/></xsl:for-each>
          </xsl:attribute>
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="string(.)"/>
            <xsl:with-param name="style" select="'Hyperlink'"/>
          </xsl:call-template>
        </w:hyperlink>
        <xsl:call-template name="run"><xsl:with-param name="text" select="concat(' (version ', @version, ')')"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@missing = 'yes'">
        <xsl:call-template name="run"><xsl:with-param name="text" select="concat(., ' – ')"/></xsl:call-template>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="'saknas ännu'"/>
          <xsl:with-param name="style" select="'Gap'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="run"><xsl:with-param name="text" select="string(.)"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Table of contents ===== -->

  <!--
    The contents list, written out rather than left to a TOC field: each
    heading linked to its bookmark and, when the build set the document's
    PDF too, followed by its page as a PAGEREF field whose stored result
    is the page in that PDF ($toc-pages, " id=page ... " from render.c).
    The page geometry, font and spacing are the PDF's (package.xsl), so
    the stored pages hold where Word lays the document out the same way.
    Outside a TOC field LibreOffice counts each PAGEREF in its own layout
    as it opens the file, and Word updates them on F9; nothing asks to
    update anything when the document opens.
  -->
  <xsl:param name="toc-pages" select="''"/>

  <xsl:template name="toc">
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'TOCHeading'"/>
      <xsl:with-param name="text" select="'Innehåll'"/>
    </xsl:call-template>
    <xsl:variable name="entries">
      <xsl:apply-templates select="$document/s:body/s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
      <xsl:if test="$doc-roles">
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="anchor" select="'styrdok_roles'"/>
          <xsl:with-param name="key" select="'styrdok-roles'"/>
          <xsl:with-param name="text" select="'Roller i dokumentet'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="toc-entry">
        <xsl:with-param name="anchor" select="'styrdok_history'"/>
        <xsl:with-param name="key" select="'styrdok-history'"/>
        <xsl:with-param name="text" select="'Versionshistorik'"/>
      </xsl:call-template>
      <xsl:if test="$document/s:acknowledgement">
        <xsl:call-template name="toc-entry">
          <xsl:with-param name="anchor" select="'styrdok_ack'"/>
          <xsl:with-param name="key" select="'styrdok-ack'"/>
          <xsl:with-param name="text" select="concat('Bilaga: ', $document/s:acknowledgement/s:title)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:copy-of select="$entries"/>
  </xsl:template>

  <!--
    One entry: the heading linked to its bookmark $anchor, then a tab
    and the page of $key in $toc-pages, when there is one.
  -->
  <xsl:template name="toc-entry">
    <xsl:param name="level" select="1"/>
    <xsl:param name="anchor"/>
    <xsl:param name="key"/>
    <xsl:param name="num" select="''"/>
    <xsl:param name="text"/>
    <xsl:variable name="page" select="substring-before(substring-after($toc-pages, concat(' ', $key, '=')), ' ')"/>
    <w:p>
      <w:pPr><w:pStyle w:val="TOC{$level}"/></w:pPr>
      <w:hyperlink w:anchor="{$anchor}" w:history="1">
        <xsl:if test="$num != ''">
          <xsl:call-template name="run"><xsl:with-param name="text" select="concat($num, ' ')"/><xsl:with-param name="track" select="'none'"/></xsl:call-template>
        </xsl:if>
        <xsl:call-template name="run"><xsl:with-param name="text" select="$text"/><xsl:with-param name="track" select="'none'"/></xsl:call-template>
        <xsl:if test="$page != ''">
          <w:r><w:tab/></w:r>
          <w:r><w:fldChar w:fldCharType="begin"/></w:r>
          <w:r><w:instrText xml:space="preserve"> PAGEREF <xsl:value-of select="$anchor"/> \h </w:instrText></w:r>
          <w:r><w:fldChar w:fldCharType="separate"/></w:r>
          <w:r><w:t><xsl:value-of select="$page"/></w:t></w:r>
          <w:r><w:fldChar w:fldCharType="end"/></w:r>
        </xsl:if>
      </w:hyperlink>
    </w:p>
  </xsl:template>

  <xsl:template match="s:section" mode="toc">
    <xsl:variable name="depth" select="count(ancestor::s:section) + 1"/>
    <xsl:call-template name="toc-entry">
      <xsl:with-param name="level">
        <xsl:choose>
          <xsl:when test="$depth > 3">3</xsl:when>
          <xsl:otherwise><xsl:value-of select="$depth"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="anchor"><xsl:call-template name="anchor"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="key" select="@id"/>
      <xsl:with-param name="num" select="@num"/>
      <xsl:with-param name="text"><xsl:apply-templates select="s:title" mode="plain"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
  </xsl:template>

  <!-- ===== Body ===== -->

  <!-- Top-level sections are Heading1 (h2 on the HTML page), and so on down. -->
  <xsl:template match="s:section">
    <xsl:variable name="depth" select="count(ancestor::s:section) + 1"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="style">
        <xsl:choose>
          <xsl:when test="$depth > 4">Heading4</xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('Heading', $depth)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="num" select="@num"/>
      <xsl:with-param name="text"><xsl:apply-templates select="s:title" mode="runs"/></xsl:with-param>
      <xsl:with-param name="anchor"><xsl:call-template name="anchor"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="bookmark-id"><xsl:call-template name="bookmark-id"/></xsl:with-param>
      <!-- The body starts on a new page after the contents, as in the PDF. -->
      <xsl:with-param name="page-break" select="not(parent::s:section or preceding-sibling::s:section)"/>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::s:title)]"/>
  </xsl:template>

  <xsl:template match="s:prose"><xsl:apply-templates/></xsl:template>

  <xsl:template match="s:requirement">
    <xsl:variable name="bm"><xsl:call-template name="bookmark-id"/></xsl:variable>
    <xsl:variable name="parts"><xsl:call-template name="requirement-parts"/></xsl:variable>
    <xsl:variable name="req" select="."/>
    <w:p>
      <w:pPr><w:pStyle w:val="RequirementHead"/><xsl:call-template name="para-mark"/></w:pPr>
      <w:bookmarkStart w:id="{$bm}">
        <xsl:attribute name="w:name"><xsl:call-template name="anchor"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:attribute>
      </w:bookmarkStart>
      <xsl:call-template name="run">
        <xsl:with-param name="text"><xsl:call-template name="requirement-label"/></xsl:with-param>
        <xsl:with-param name="b" select="true()"/>
        <xsl:with-param name="color" select="$c-primary"/>
      </xsl:call-template>
      <w:bookmarkEnd w:id="{$bm}"/>
    </w:p>
    <xsl:for-each select="s:statement">
      <w:p>
        <w:pPr><w:pStyle w:val="Requirement"/><xsl:call-template name="para-mark"/></w:pPr>
        <xsl:apply-templates select="." mode="runs"/>
      </w:p>
    </xsl:for-each>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="RequirementMeta"/>
        <xsl:call-template name="para-mark">
          <xsl:with-param name="rev"><xsl:variable name="b"><xsl:call-template name="rev-id"/></xsl:variable><xsl:value-of select="16 * $b + 3"/></xsl:with-param>
        </xsl:call-template>
      </w:pPr>
      <xsl:for-each select="exsl:node-set($parts)/part">
        <xsl:variable name="k" select="position()"/>
        <!-- Runs here are tracked as the requirement is, with revision ids of their own. -->
        <xsl:variable name="how">
          <xsl:for-each select="$req"><xsl:call-template name="track"/></xsl:for-each>
        </xsl:variable>
        <xsl:variable name="base">
          <xsl:for-each select="$req"><xsl:call-template name="rev-id"/></xsl:for-each>
        </xsl:variable>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="concat(substring(' · ', 1, 3 * ($k > 1)), @label, ': ')"/>
          <xsl:with-param name="track" select="$how"/>
          <xsl:with-param name="rev" select="16 * $base + 4 * $k"/>
        </xsl:call-template>
        <xsl:if test="old">
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="concat(old, ' ')"/>
            <xsl:with-param name="track" select="'del'"/>
            <xsl:with-param name="rev" select="16 * $base + 4 * $k + 1"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:variable name="value">
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="string(v)"/>
            <xsl:with-param name="style" select="substring('Hyperlink', 1, 9 * boolean(@ref))"/>
            <xsl:with-param name="track">
              <xsl:choose>
                <xsl:when test="old">ins</xsl:when>
                <xsl:otherwise><xsl:value-of select="$how"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="rev" select="16 * $base + 4 * $k + 2"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="@ref">
            <w:hyperlink>
              <xsl:attribute name="w:anchor"><xsl:call-template name="anchor"><xsl:with-param name="id" select="concat('role-', @ref)"/></xsl:call-template></xsl:attribute>
              <xsl:copy-of select="$value"/>
            </w:hyperlink>
          </xsl:when>
          <xsl:otherwise><xsl:copy-of select="$value"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </w:p>
    <xsl:apply-templates select="s:prose"/>
  </xsl:template>

  <xsl:template match="s:definitions">
    <xsl:for-each select="s:term">
      <xsl:variable name="bm"><xsl:call-template name="bookmark-id"/></xsl:variable>
      <w:p>
        <w:pPr><w:pStyle w:val="Term"/><xsl:call-template name="para-mark"/></w:pPr>
        <w:bookmarkStart w:id="{$bm}">
          <xsl:attribute name="w:name"><xsl:call-template name="anchor"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:attribute>
        </w:bookmarkStart>
        <xsl:apply-templates select="s:name" mode="runs"/>
        <w:bookmarkEnd w:id="{$bm}"/>
      </w:p>
      <xsl:for-each select="s:definition">
        <w:p>
          <w:pPr><w:pStyle w:val="Definition"/><xsl:call-template name="para-mark"/></w:pPr>
          <xsl:apply-templates select="." mode="runs"/>
        </w:p>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- The responsibility matrix, written once in its own source. -->
  <xsl:template match="s:matrix-ref">
    <xsl:variable name="m" select="key('id', @ref)"/>
    <xsl:variable name="parties" select="$m/s:parties/s:party"/>
    <xsl:variable name="widths">
      <xsl:call-template name="widths">
        <xsl:with-param name="first" select="3952"/>
        <xsl:with-param name="n" select="count($parties) + 1"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="w" select="str:tokenize($widths, ' ')"/>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Caption'"/>
      <xsl:with-param name="text" select="$m/s:title"/>
    </xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="widths" select="$widths"/>
        <xsl:with-param name="first-col" select="true()"/>
        <xsl:with-param name="caption" select="$m/s:title"/>
      </xsl:call-template>
      <w:tr>
        <xsl:call-template name="header-row-pr"/>
        <xsl:call-template name="text-cell">
          <xsl:with-param name="w" select="$w[1]"/>
          <xsl:with-param name="text" select="'Aktivitet'"/>
        </xsl:call-template>
        <xsl:for-each select="$parties">
          <xsl:variable name="p" select="position()"/>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="w" select="$w[$p + 1]"/>
            <xsl:with-param name="text" select="."/>
          </xsl:call-template>
        </xsl:for-each>
      </w:tr>
      <xsl:for-each select="$m/s:activity">
        <xsl:variable name="a" select="."/>
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="w" select="$w[1]"/>
            <xsl:with-param name="text" select="s:name"/>
          </xsl:call-template>
          <xsl:for-each select="$parties">
            <xsl:variable name="p" select="position()"/>
            <xsl:call-template name="cell">
              <xsl:with-param name="w" select="$w[$p + 1]"/>
              <xsl:with-param name="jc" select="'center'"/>
              <xsl:with-param name="content">
                <xsl:call-template name="run">
                  <xsl:with-param name="text" select="$a/s:part[@party = current()/@id]/@role"/>
                  <xsl:with-param name="b" select="true()"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
    <xsl:if test="$m/s:legend">
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="'SmallText'"/>
        <xsl:with-param name="text" select="$m/s:legend"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The acknowledgement staff sign: a page of its own. -->
  <xsl:template match="s:acknowledgement">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <xsl:variable name="kv-widths" select="concat('3300 ', $text-w - 3300)"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="style" select="'Heading1'"/>
      <xsl:with-param name="text"><xsl:call-template name="run"><xsl:with-param name="text" select="concat('Bilaga: ', s:title)"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="anchor" select="'styrdok_ack'"/>
      <xsl:with-param name="bookmark-id" select="$bm-ack"/>
      <xsl:with-param name="page-break" select="true()"/>
    </xsl:call-template>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Caption'"/>
      <xsl:with-param name="text" select="'Dokumentet bekräftelsen gäller'"/>
    </xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="style" select="'KeyValueTable'"/>
        <xsl:with-param name="widths" select="$kv-widths"/>
        <xsl:with-param name="header" select="false()"/>
        <xsl:with-param name="first-col" select="true()"/>
        <xsl:with-param name="caption" select="'Dokumentet bekräftelsen gäller'"/>
      </xsl:call-template>
      <xsl:call-template name="row">
        <xsl:with-param name="label" select="'Dokument'"/>
        <xsl:with-param name="value"><xsl:call-template name="text-value"><xsl:with-param name="text" select="$meta/s:title"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="row">
        <xsl:with-param name="label" select="'Version'"/>
        <xsl:with-param name="value"><xsl:call-template name="text-value"><xsl:with-param name="text" select="concat($meta/s:version, ' (', $status-name, ')')"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="row">
        <xsl:with-param name="label" select="'Beslut'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="text-value">
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="$dec/@date"><xsl:call-template name="decision-ref"><xsl:with-param name="d" select="$dec"/></xsl:call-template><xsl:if test="$dec/@dnr">, dnr <xsl:value-of select="$dec/@dnr"/></xsl:if></xsl:when>
                <xsl:otherwise>Ej beslutad</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="row">
        <xsl:with-param name="label" select="'Kontrollsumma'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="$short-hash"/>
            <xsl:with-param name="style" select="'Stamp'"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </w:tbl>
    <xsl:call-template name="para">
      <xsl:with-param name="text" select="s:statement"/>
      <xsl:with-param name="b" select="true()"/>
      <xsl:with-param name="before" select="240"/>
    </xsl:call-template>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Caption'"/>
      <xsl:with-param name="text" select="'Fylls i av medarbetaren'"/>
    </xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="style" select="'KeyValueTable'"/>
        <xsl:with-param name="widths" select="$kv-widths"/>
        <xsl:with-param name="header" select="false()"/>
        <xsl:with-param name="first-col" select="true()"/>
        <xsl:with-param name="caption" select="'Fylls i av medarbetaren'"/>
      </xsl:call-template>
      <xsl:for-each select="str:split('Namn|Förvaltning och enhet|Befattning|Anställningsnummer|Ort och datum|Underskrift', '|')">
        <w:tr>
          <w:trPr><w:cantSplit/><w:trHeight w:val="680" w:hRule="atLeast"/></w:trPr>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="w" select="3300"/>
            <xsl:with-param name="text" select="."/>
          </xsl:call-template>
          <xsl:call-template name="cell"><xsl:with-param name="w" select="$text-w - 3300"/></xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
    <xsl:call-template name="para">
      <xsl:with-param name="text" select="s:filing"/>
      <xsl:with-param name="before" select="240"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Roles and history ===== -->

  <xsl:template name="roles">
    <xsl:if test="$doc-roles">
      <xsl:call-template name="heading">
        <xsl:with-param name="style" select="'Heading1'"/>
        <xsl:with-param name="text"><xsl:call-template name="run"><xsl:with-param name="text" select="'Roller i dokumentet'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="anchor" select="'styrdok_roles'"/>
        <xsl:with-param name="bookmark-id" select="$bm-roles"/>
      </xsl:call-template>
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="'Caption'"/>
        <xsl:with-param name="text" select="'Roller som dokumentet ger ansvar, med innehavare och krav'"/>
      </xsl:call-template>
      <xsl:variable name="widths" select="concat('2400 2800 2200 ', $text-w - 7400)"/>
      <w:tbl>
        <xsl:call-template name="table-start">
          <xsl:with-param name="widths" select="$widths"/>
          <xsl:with-param name="first-col" select="true()"/>
          <xsl:with-param name="caption" select="'Roller som dokumentet ger ansvar, med innehavare och krav'"/>
        </xsl:call-template>
        <w:tr>
          <xsl:call-template name="header-row-pr"/>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="2400"/><xsl:with-param name="text" select="'Roll'"/></xsl:call-template>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="2800"/><xsl:with-param name="text" select="'Innehas av'"/></xsl:call-template>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="2200"/><xsl:with-param name="text" select="'Utses av'"/></xsl:call-template>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$text-w - 7400"/><xsl:with-param name="text" select="'Ansvarar för krav'"/></xsl:call-template>
        </w:tr>
        <xsl:for-each select="$doc-roles">
          <xsl:variable name="rid" select="@id"/>
          <w:tr>
            <w:trPr><w:cantSplit/></w:trPr>
            <xsl:call-template name="cell">
              <xsl:with-param name="w" select="2400"/>
              <xsl:with-param name="content">
                <w:bookmarkStart w:id="{$bm-role-base + position()}">
                  <xsl:attribute name="w:name"><xsl:call-template name="anchor"><xsl:with-param name="id" select="concat('role-', @id)"/></xsl:call-template></xsl:attribute>
                </w:bookmarkStart>
                <xsl:call-template name="run"><xsl:with-param name="text" select="s:name"/></xsl:call-template>
                <w:bookmarkEnd w:id="{$bm-role-base + position()}"/>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="text-cell">
              <xsl:with-param name="w" select="2800"/>
              <xsl:with-param name="text">
                <xsl:for-each select="s:holder">
                  <xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="text-cell">
              <xsl:with-param name="w" select="2200"/>
              <xsl:with-param name="text" select="s:appointed-by"/>
            </xsl:call-template>
            <xsl:variable name="reqs" select="$document//s:requirement[@role = $rid][not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"/>
            <xsl:call-template name="cell">
              <xsl:with-param name="w" select="$text-w - 7400"/>
              <xsl:with-param name="content">
                <xsl:for-each select="$reqs">
                  <xsl:if test="position() > 1"><xsl:call-template name="run"><xsl:with-param name="text" select="', '"/><xsl:with-param name="track" select="'none'"/></xsl:call-template></xsl:if>
                  <w:hyperlink>
                    <xsl:attribute name="w:anchor"><xsl:call-template name="anchor"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:attribute>
                    <xsl:call-template name="run">
                      <xsl:with-param name="text" select="@num"/>
                      <xsl:with-param name="style" select="'Hyperlink'"/>
                      <xsl:with-param name="track" select="'none'"/>
                    </xsl:call-template>
                  </w:hyperlink>
                </xsl:for-each>
                <xsl:if test="not($reqs)">
                  <xsl:call-template name="run"><xsl:with-param name="text" select="'–'"/></xsl:call-template>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </w:tr>
        </xsl:for-each>
      </w:tbl>
    </xsl:if>
  </xsl:template>

  <xsl:template name="history">
    <xsl:call-template name="heading">
      <xsl:with-param name="style" select="'Heading1'"/>
      <xsl:with-param name="text"><xsl:call-template name="run"><xsl:with-param name="text" select="'Versionshistorik'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="anchor" select="'styrdok_history'"/>
      <xsl:with-param name="bookmark-id" select="$bm-history"/>
    </xsl:call-template>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Caption'"/>
      <xsl:with-param name="text" select="'Versioner av dokumentet, äldst först'"/>
    </xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="widths" select="concat('1000 1250 2000 1800 ', $text-w - 6050)"/>
        <xsl:with-param name="first-col" select="true()"/>
        <xsl:with-param name="caption" select="'Versioner av dokumentet, äldst först'"/>
      </xsl:call-template>
      <w:tr>
        <xsl:call-template name="header-row-pr"/>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="1000"/><xsl:with-param name="text" select="'Version'"/></xsl:call-template>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="1250"/><xsl:with-param name="text" select="'Datum'"/></xsl:call-template>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="2000"/><xsl:with-param name="text" select="'Beslut'"/></xsl:call-template>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="1800"/><xsl:with-param name="text" select="'Ansvarig'"/></xsl:call-template>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$text-w - 6050"/><xsl:with-param name="text" select="'Ändring'"/></xsl:call-template>
      </w:tr>
      <xsl:for-each select="$document/s:history/s:revision">
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="1000"/><xsl:with-param name="text" select="@version"/></xsl:call-template>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="1250"/><xsl:with-param name="text" select="@date"/></xsl:call-template>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="w" select="2000"/>
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="@organ">
                  <xsl:call-template name="decision-ref"><xsl:with-param name="with-date" select="false()"/></xsl:call-template>
                  <xsl:if test="@dnr">, dnr <xsl:value-of select="@dnr"/></xsl:if>
                </xsl:when>
                <xsl:otherwise>Ej beslutad</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="w" select="1800"/>
            <xsl:with-param name="text">
              <xsl:if test="@author"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@author"/></xsl:call-template></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="cell">
            <xsl:with-param name="w" select="$text-w - 6050"/>
            <xsl:with-param name="content">
              <xsl:call-template name="run"><xsl:with-param name="text" select="string(.)"/></xsl:call-template>
              <xsl:if test="@superseded">
                <xsl:call-template name="run"><xsl:with-param name="text" select="concat(' Upphävd genom ', @superseded, '.')"/></xsl:call-template>
              </xsl:if>
              <xsl:if test="@archived = 'no'">
                <xsl:call-template name="run"><xsl:with-param name="text" select="' '"/></xsl:call-template>
                <xsl:call-template name="run">
                  <xsl:with-param name="text" select="'(Texten är inte arkiverad.)'"/>
                  <xsl:with-param name="i" select="true()"/>
                </xsl:call-template>
              </xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <!-- What the HTML page's footer says once, at the end of the document. -->
  <xsl:template name="colophon">
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Colophon'"/>
      <xsl:with-param name="text" select="concat($org-name, ' · ', $meta/s:title, ' · version ', $meta/s:version, ' · ', $status-name)"/>
    </xsl:call-template>
    <w:p>
      <w:pPr><w:pStyle w:val="SmallText"/><w:keepNext/><w:spacing w:after="40"/></w:pPr>
      <xsl:call-template name="run"><xsl:with-param name="text" select="concat('Dokument-id ', $short-hash)"/></xsl:call-template>
    </w:p>
    <xsl:if test="/s:project/@build-date">
      <xsl:call-template name="para">
        <xsl:with-param name="style" select="'SmallText'"/>
        <xsl:with-param name="text" select="concat('Framställd ', /s:project/@build-date, ' med styrdok.')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
