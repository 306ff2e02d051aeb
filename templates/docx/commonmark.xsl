<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  commonmark.xsl - the Markdown prose (cmark's tree in the CommonMark
  namespace, spliced in by styrdok) as WordprocessingML paragraphs.
  Raw HTML nodes never reach this point; links pass the allow-list once
  more here, as in the HTML output.

  Block templates take the list context as parameters: $num-id and $ilvl
  (the numbering of the item's first paragraph), $indent (the left indent
  of the item's other paragraphs).  Inline templates take the character
  formatting in force: $b, $i, $code.

  Needs the templates run and anchor (package.xsl) and link-allowed
  (common.xsl).  link-rel-id and list-num-id below are also what the
  importing stylesheet uses to write the matching relationships and
  numbering instances, so both sides count the same way.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="s md c w r">

  <!-- Left indent of the body of a requirement (the box of package.xsl's Requirement style). -->
  <xsl:variable name="req-indent" select="227"/>

  <xsl:template match="md:document"><xsl:apply-templates select="*"/></xsl:template>

  <!-- The relationship id of an external link: its place among the document's links. -->
  <xsl:template name="link-rel-id">
    <xsl:text>rIdL</xsl:text>
    <xsl:number level="any" count="md:link" from="s:document"/>
  </xsl:template>

  <!-- The w:numId of an ordered list: 9 + its place among the document's ordered lists. -->
  <xsl:template name="list-num-id">
    <xsl:variable name="n"><xsl:number level="any" count="md:list[@type = 'ordered']" from="s:document"/></xsl:variable>
    <xsl:value-of select="9 + $n"/>
  </xsl:template>

  <!-- The numbering instances of the ordered lists below the context node. -->
  <xsl:template name="list-nums">
    <xsl:for-each select=".//md:list[@type = 'ordered']">
      <xsl:call-template name="ordered-num">
        <xsl:with-param name="num-id"><xsl:call-template name="list-num-id"/></xsl:with-param>
        <xsl:with-param name="ilvl" select="count(ancestor::md:list)"/>
        <xsl:with-param name="start">
          <xsl:choose>
            <xsl:when test="@start"><xsl:value-of select="@start"/></xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The hyperlink relationships of the allowed external links below the context node. -->
  <xsl:template name="link-rels">
    <xsl:for-each select=".//md:link">
      <xsl:variable name="ok">
        <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="@destination"/></xsl:call-template>
      </xsl:variable>
      <xsl:if test="$ok = '1' and not(starts-with(@destination, '#'))">
        <xsl:call-template name="link-rel">
          <xsl:with-param name="id"><xsl:call-template name="link-rel-id"/></xsl:with-param>
          <xsl:with-param name="target" select="@destination"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- pPr of a prose paragraph: style, list numbering, indent. -->
  <xsl:template name="md-ppr">
    <xsl:param name="style" select="''"/>
    <xsl:param name="num-id" select="''"/>
    <xsl:param name="ilvl" select="0"/>
    <xsl:param name="indent" select="0"/>
    <xsl:variable name="in-req" select="boolean(ancestor::s:requirement)"/>
    <xsl:variable name="st">
      <xsl:choose>
        <xsl:when test="$style != ''"><xsl:value-of select="$style"/></xsl:when>
        <xsl:when test="$in-req">RequirementText</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="loose" select="ancestor::md:list[1]/@tight = 'false'"/>
    <xsl:variable name="marked" select="$redline and (ancestor-or-self::*[@c:change][1]/@c:change = 'inserted' or ancestor-or-self::*[@c:change][1]/@c:change = 'deleted' or ancestor-or-self::*[@c:change][1]/@c:change = 'moved-away')"/>
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="$in-req"><xsl:value-of select="$req-indent"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$st != '' or $num-id != '' or $indent > 0 or $in-req or $loose or $marked">
      <w:pPr>
        <xsl:if test="$st != ''"><w:pStyle w:val="{$st}"/></xsl:if>
        <xsl:if test="$num-id != ''">
          <w:numPr><w:ilvl w:val="{$ilvl}"/><w:numId w:val="{$num-id}"/></w:numPr>
        </xsl:if>
        <xsl:if test="$loose"><w:spacing w:after="120"/></xsl:if>
        <xsl:choose>
          <xsl:when test="$num-id != ''">
            <w:ind w:left="{$base + 360 * ($ilvl + 1)}" w:hanging="360"/>
          </xsl:when>
          <xsl:when test="$indent > 0 or $in-req">
            <w:ind w:left="{$base + $indent}"/>
          </xsl:when>
        </xsl:choose>
        <xsl:call-template name="para-mark"/>
      </w:pPr>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:paragraph">
    <xsl:param name="style" select="''"/>
    <xsl:param name="num-id" select="''"/>
    <xsl:param name="ilvl" select="0"/>
    <xsl:param name="indent" select="0"/>
    <w:p>
      <xsl:call-template name="md-ppr">
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="num-id" select="$num-id"/>
        <xsl:with-param name="ilvl" select="$ilvl"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </w:p>
  </xsl:template>

  <!-- Headings in prose are bold paragraphs, never outline levels (as in HTML). -->
  <xsl:template match="md:heading">
    <xsl:param name="indent" select="0"/>
    <w:p>
      <xsl:call-template name="md-ppr">
        <xsl:with-param name="style" select="'ProseHeading'"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
      <xsl:apply-templates><xsl:with-param name="b" select="true()"/></xsl:apply-templates>
    </w:p>
  </xsl:template>

  <xsl:template match="md:list">
    <xsl:param name="ilvl" select="-1"/>
    <xsl:variable name="num-id">
      <xsl:choose>
        <xsl:when test="@type = 'ordered'"><xsl:call-template name="list-num-id"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="list-style">
      <xsl:choose>
        <xsl:when test="@type = 'ordered'">ListNumber</xsl:when>
        <xsl:otherwise>ListBullet</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:apply-templates select="md:item">
      <xsl:with-param name="num-id" select="$num-id"/>
      <xsl:with-param name="ilvl" select="$ilvl + 1"/>
      <xsl:with-param name="style" select="$list-style"/>
    </xsl:apply-templates>
  </xsl:template>

  <!--
    An item: its first paragraph carries the number or bullet, the other
    blocks are indented to the item's text, nested lists go one level down.
  -->
  <xsl:template match="md:item">
    <xsl:param name="num-id"/>
    <xsl:param name="ilvl"/>
    <xsl:param name="style"/>
    <xsl:if test="not(*[1][self::md:paragraph])">
      <w:p>
        <xsl:call-template name="md-ppr">
          <xsl:with-param name="style" select="$style"/>
          <xsl:with-param name="num-id" select="$num-id"/>
          <xsl:with-param name="ilvl" select="$ilvl"/>
        </xsl:call-template>
      </w:p>
    </xsl:if>
    <xsl:for-each select="*">
      <xsl:choose>
        <xsl:when test="self::md:list">
          <xsl:apply-templates select=".">
            <xsl:with-param name="ilvl" select="$ilvl"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:when test="position() = 1 and self::md:paragraph">
          <xsl:apply-templates select=".">
            <xsl:with-param name="style" select="$style"/>
            <xsl:with-param name="num-id" select="$num-id"/>
            <xsl:with-param name="ilvl" select="$ilvl"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select=".">
            <xsl:with-param name="style" select="'ListContinue'"/>
            <xsl:with-param name="indent" select="360 * ($ilvl + 1)"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="md:block_quote">
    <xsl:param name="indent" select="0"/>
    <xsl:apply-templates select="*">
      <xsl:with-param name="style" select="'Quote'"/>
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A code block: one paragraph, its lines separated by line breaks. -->
  <xsl:template match="md:code_block">
    <xsl:param name="indent" select="0"/>
    <w:p>
      <xsl:call-template name="md-ppr">
        <xsl:with-param name="style" select="'CodeBlock'"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
      <xsl:call-template name="code-lines">
        <xsl:with-param name="s">
          <xsl:choose>
            <xsl:when test="substring(., string-length(.)) = '&#10;'"><xsl:value-of select="substring(., 1, string-length(.) - 1)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </w:p>
  </xsl:template>

  <xsl:template name="code-lines">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&#10;')">
        <w:r><w:t xml:space="preserve"><xsl:value-of select="substring-before($s, '&#10;')"/></w:t><w:br/></w:r>
        <xsl:call-template name="code-lines"><xsl:with-param name="s" select="substring-after($s, '&#10;')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><w:r><w:t xml:space="preserve"><xsl:value-of select="$s"/></w:t></w:r></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:thematic_break">
    <w:p><w:pPr><w:pStyle w:val="HorizontalRule"/></w:pPr></w:p>
  </xsl:template>

  <!-- ===== Inlines ===== -->

  <xsl:template match="md:text">
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="link" select="false()"/>
    <xsl:call-template name="run">
      <xsl:with-param name="text" select="."/>
      <xsl:with-param name="b" select="$b"/>
      <xsl:with-param name="i" select="$i"/>
      <xsl:with-param name="code" select="$code"/>
      <xsl:with-param name="style" select="substring('Hyperlink', 1, 9 * number($link))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Words a redline marks: their runs are tracked (see run in package.xsl). -->
  <xsl:template match="c:ins | c:del">
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="link" select="false()"/>
    <xsl:apply-templates>
      <xsl:with-param name="b" select="$b"/>
      <xsl:with-param name="i" select="$i"/>
      <xsl:with-param name="code" select="$code"/>
      <xsl:with-param name="link" select="$link"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A title, statement, name or definition as runs, its marks tracked. -->
  <xsl:template match="s:title | s:statement | s:name | s:definition" mode="runs">
    <xsl:param name="b" select="false()"/>
    <xsl:apply-templates mode="runs"><xsl:with-param name="b" select="$b"/></xsl:apply-templates>
  </xsl:template>
  <xsl:template match="c:*" mode="runs">
    <xsl:param name="b" select="false()"/>
    <xsl:apply-templates mode="runs"><xsl:with-param name="b" select="$b"/></xsl:apply-templates>
  </xsl:template>
  <xsl:template match="text()" mode="runs">
    <xsl:param name="b" select="false()"/>
    <xsl:variable name="t" select="translate(., '&#10;&#13;&#9;', '   ')"/>
    <xsl:call-template name="run">
      <xsl:with-param name="text">
        <xsl:choose>
          <!-- A field's own text (not changed) is shown as one line. -->
          <xsl:when test="not(../c:* or parent::c:*)"><xsl:value-of select="normalize-space($t)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="b" select="$b"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A soft line break is a space, as a browser shows it. -->
  <xsl:template match="md:softbreak"><xsl:call-template name="run"><xsl:with-param name="text" select="' '"/></xsl:call-template></xsl:template>
  <xsl:template match="md:linebreak"><w:r><w:br/></w:r></xsl:template>

  <xsl:template match="md:code">
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:call-template name="run">
      <xsl:with-param name="text" select="."/>
      <xsl:with-param name="b" select="$b"/>
      <xsl:with-param name="i" select="$i"/>
      <xsl:with-param name="code" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="md:emph">
    <xsl:param name="b" select="false()"/>
    <xsl:param name="link" select="false()"/>
    <xsl:apply-templates>
      <xsl:with-param name="b" select="$b"/>
      <xsl:with-param name="i" select="true()"/>
      <xsl:with-param name="link" select="$link"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="md:strong">
    <xsl:param name="i" select="false()"/>
    <xsl:param name="link" select="false()"/>
    <xsl:apply-templates>
      <xsl:with-param name="b" select="true()"/>
      <xsl:with-param name="i" select="$i"/>
      <xsl:with-param name="link" select="$link"/>
    </xsl:apply-templates>
  </xsl:template>

  <!--
    A link passes the allow-list: "#id" becomes a link to the bookmark of
    that id, anything else an external relationship; a link that fails is
    kept as its text.
  -->
  <xsl:template match="md:link">
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:variable name="ok">
      <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="@destination"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ok = '1' and starts-with(@destination, '#')">
        <w:hyperlink>
          <xsl:attribute name="w:anchor">
            <xsl:call-template name="anchor"><xsl:with-param name="id" select="substring(@destination, 2)"/></xsl:call-template>
          </xsl:attribute>
          <xsl:if test="@title != ''"><xsl:attribute name="w:tooltip"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
          <xsl:apply-templates>
            <xsl:with-param name="b" select="$b"/>
            <xsl:with-param name="i" select="$i"/>
            <xsl:with-param name="link" select="true()"/>
          </xsl:apply-templates>
        </w:hyperlink>
      </xsl:when>
      <xsl:when test="$ok = '1'">
        <w:hyperlink>
          <xsl:attribute name="r:id"><xsl:call-template name="link-rel-id"/></xsl:attribute>
          <xsl:if test="@title != ''"><xsl:attribute name="w:tooltip"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
          <xsl:attribute name="w:history">1</xsl:attribute>
          <xsl:apply-templates>
            <xsl:with-param name="b" select="$b"/>
            <xsl:with-param name="i" select="$i"/>
            <xsl:with-param name="link" select="true()"/>
          </xsl:apply-templates>
        </w:hyperlink>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates>
          <xsl:with-param name="b" select="$b"/>
          <xsl:with-param name="i" select="$i"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anything else cmark might produce is shown as text, never as markup. -->
  <xsl:template match="md:document/md:* | md:item/md:* | md:block_quote/md:*" priority="-0.2">
    <xsl:param name="indent" select="0"/>
    <w:p>
      <xsl:call-template name="md-ppr"><xsl:with-param name="indent" select="$indent"/></xsl:call-template>
      <xsl:call-template name="run"><xsl:with-param name="text" select="."/></xsl:call-template>
    </w:p>
  </xsl:template>
  <xsl:template match="md:*" priority="-0.4">
    <xsl:call-template name="run"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
