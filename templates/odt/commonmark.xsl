<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  commonmark.xsl - the Markdown prose (cmark's tree in the CommonMark
  namespace, spliced in by styrdok) as OpenDocument text: paragraphs in
  "Text body" (or "Kravtext" inside a requirement), lists in the named
  list styles, quotes, code, emphasis and links.  Raw HTML nodes never
  reach this point; links pass the allow-list once more here.  Imported
  together with package.xsl (for odt-preserve).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    exclude-result-prefixes="s md">

  <xsl:template match="md:document"><xsl:apply-templates/></xsl:template>

  <!-- The paragraph style of a block: list items, quotes, requirements. -->
  <xsl:template name="md-paragraph-style">
    <xsl:choose>
      <xsl:when test="ancestor::md:block_quote">Quotations</xsl:when>
      <xsl:when test="parent::md:item">List_20_Contents</xsl:when>
      <xsl:when test="ancestor::s:requirement">Krav_20_text</xsl:when>
      <xsl:otherwise>Text_20_body</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:paragraph">
    <text:p>
      <xsl:attribute name="text:style-name"><xsl:call-template name="md-paragraph-style"/></xsl:attribute>
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <xsl:apply-templates/>
      <xsl:call-template name="ins-end"/>
    </text:p>
  </xsl:template>

  <!-- Headings inside prose are bold lines, as in the HTML (not outline entries). -->
  <xsl:template match="md:heading">
    <text:p text:style-name="Mellanrubrik">
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <xsl:apply-templates/>
      <xsl:call-template name="ins-end"/>
    </text:p>
  </xsl:template>

  <xsl:template match="md:list">
    <text:list>
      <xsl:attribute name="text:style-name">
        <xsl:choose>
          <xsl:when test="@type = 'ordered' and @delim = 'paren'">Numbering_20_123_20_paren</xsl:when>
          <xsl:when test="@type = 'ordered'">Numbering_20_123</xsl:when>
          <xsl:otherwise>List_20_1</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="md:item"/>
    </text:list>
  </xsl:template>

  <xsl:template match="md:item">
    <text:list-item>
      <xsl:if test="position() = 1 and ../@type = 'ordered' and ../@start and ../@start != '1'">
        <xsl:attribute name="text:start-value"><xsl:value-of select="../@start"/></xsl:attribute>
      </xsl:if>
      <!-- A list item holds paragraphs and lists only. -->
      <xsl:apply-templates select="*"/>
      <xsl:if test="not(*)"><text:p text:style-name="List_20_Contents"/></xsl:if>
    </text:list-item>
  </xsl:template>

  <xsl:template match="md:block_quote"><xsl:apply-templates/></xsl:template>

  <xsl:template match="md:code_block">
    <text:p text:style-name="Preformatted_20_Text">
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::text()"><xsl:call-template name="odt-preserve"><xsl:with-param name="s" select="string(.)"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:call-template name="ins-end"/>
    </text:p>
  </xsl:template>

  <xsl:template match="md:thematic_break">
    <text:p text:style-name="Horizontal_20_Line">
      <xsl:call-template name="gone-markers"/>
      <xsl:call-template name="ins-start"/>
      <xsl:call-template name="ins-end"/>
    </text:p>
  </xsl:template>

  <xsl:template match="md:text"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="md:softbreak"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="md:linebreak"><text:line-break/></xsl:template>
  <xsl:template match="md:code">
    <text:span text:style-name="Source_20_Text">
      <xsl:call-template name="odt-preserve"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
    </text:span>
  </xsl:template>
  <xsl:template match="md:emph"><text:span text:style-name="Emphasis"><xsl:apply-templates/></text:span></xsl:template>
  <xsl:template match="md:strong"><text:span text:style-name="Strong_20_Emphasis"><xsl:apply-templates/></text:span></xsl:template>

  <xsl:template match="md:link">
    <xsl:variable name="ok">
      <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="@destination"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ok = '1'">
        <text:a xlink:type="simple" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">
          <xsl:attribute name="xlink:href"><xsl:call-template name="odt-href"><xsl:with-param name="url" select="@destination"/></xsl:call-template></xsl:attribute>
          <xsl:if test="@title != ''"><xsl:attribute name="office:title" namespace="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </text:a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A reference as the package sees it: #id and absolute URLs as they
    are; a relative reference is resolved against the package itself in
    ODF, so it gains one "../" to point where it points from the HTML page
    beside the .odt file.
  -->
  <xsl:template name="odt-href">
    <xsl:param name="url"/>
    <xsl:variable name="before-colon" select="substring-before($url, ':')"/>
    <xsl:choose>
      <xsl:when test="starts-with($url, '#')"><xsl:value-of select="$url"/></xsl:when>
      <xsl:when test="contains($url, ':') and not(contains($before-colon, '/') or contains($before-colon, '?') or contains($before-colon, '#'))"><xsl:value-of select="$url"/></xsl:when>
      <xsl:when test="starts-with($url, '/')"><xsl:value-of select="$url"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('../', $url)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anything else cmark might produce is shown as text, never as markup. -->
  <xsl:template match="md:*">
    <xsl:choose>
      <xsl:when test="parent::md:document or parent::md:item or parent::md:block_quote">
        <text:p>
          <xsl:attribute name="text:style-name"><xsl:call-template name="md-paragraph-style"/></xsl:attribute>
          <xsl:value-of select="."/>
        </text:p>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
