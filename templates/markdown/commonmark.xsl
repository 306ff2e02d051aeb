<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  commonmark.xsl - writing CommonMark: escaping of source text ("esc"),
  and the Markdown prose of the tree (cmark's nodes) written back as
  blocks with the prefix of their container (block quotes, list items).
  Shared by every Markdown output.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s md c str">

  <xsl:import href="../common/redline.xsl"/>

  <!-- Characters with inline meaning in CommonMark, and their escapes. -->
  <xsl:variable name="specials" select="str:split('\ ` * _ [ ] &lt; &gt; &amp; !', ' ')"/>
  <xsl:variable name="escaped" select="str:split('\\ \` \* \_ \[ \] \&lt; \&gt; \&amp; \!', ' ')"/>
  <xsl:variable name="nl" select="'&#10;'"/>

  <!--
    Source text as CommonMark inline text.  It is put in an element of
    its own, which the text output leaves out: otherwise a page is one
    text node, and once str:replace has made its fragment libxslt appends
    the next text by copying that whole node, which makes a register's
    page quadratic in its length.
  -->
  <xsl:template name="esc">
    <xsl:param name="t"/>
    <md-text>
      <xsl:for-each select="str:replace($t, $specials, $escaped)">
        <xsl:value-of select="."/>
      </xsl:for-each>
    </md-text>
  </xsl:template>

  <xsl:template name="esc-line">
    <xsl:param name="t"/>
    <xsl:call-template name="esc"><xsl:with-param name="t" select="normalize-space($t)"/></xsl:call-template>
  </xsl:template>

  <!--
    ===== Redline marks as CriticMarkup =====
    {++inserted++} and {- -deleted- -} (without the spaces) around words
    or a whole block, and
    {>>a note<<} on a section or requirement that was added, removed or
    moved.  cmark reads them as plain text, so the file stays CommonMark.
  -->

  <!-- The opening and closing mark of a block that is added or removed whole. -->
  <xsl:template name="critic-open">
    <xsl:variable name="c" select="ancestor-or-self::*[@c:change][1]/@c:change"/>
    <xsl:choose>
      <xsl:when test="$c = 'inserted'">{++</xsl:when>
      <xsl:when test="$c = 'deleted' or $c = 'moved-away'">{--</xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="critic-close">
    <xsl:variable name="c" select="ancestor-or-self::*[@c:change][1]/@c:change"/>
    <xsl:choose>
      <xsl:when test="$c = 'inserted'">++}</xsl:when>
      <xsl:when test="$c = 'deleted' or $c = 'moved-away'">--}</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- " {>>Nytt avsnitt<<}" after the head of a block with a mark of its own. -->
  <xsl:template name="critic-note">
    <xsl:if test="@c:change and @c:change != 'changed'">
      <xsl:text> {&gt;&gt;</xsl:text>
      <xsl:call-template name="change-note"/>
      <xsl:text>&lt;&lt;}</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A title, statement, name or definition on one line, with its marks. -->
  <xsl:template name="field">
    <xsl:param name="f"/>
    <xsl:for-each select="$f">
      <xsl:call-template name="critic-open"/>
      <xsl:choose>
        <xsl:when test="c:*"><xsl:apply-templates mode="field"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="critic-close"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="text()" mode="field">
    <xsl:call-template name="esc"><xsl:with-param name="t" select="translate(., '&#10;&#13;&#9;', '   ')"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="c:ins" mode="field">{++<xsl:apply-templates mode="field"/>++}</xsl:template>
  <xsl:template match="c:del" mode="field">{--<xsl:apply-templates mode="field"/>--}</xsl:template>

  <xsl:template match="c:ins" mode="inline">
    <xsl:param name="prefix"/>
    <xsl:text>{++</xsl:text>
    <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    <xsl:text>++}</xsl:text>
  </xsl:template>
  <xsl:template match="c:del" mode="inline">
    <xsl:param name="prefix"/>
    <xsl:text>{--</xsl:text>
    <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    <xsl:text>--}</xsl:text>
  </xsl:template>

  <!-- The text of a code block, its marks written out. -->
  <xsl:template match="c:ins" mode="code">{++<xsl:value-of select="."/>++}</xsl:template>
  <xsl:template match="c:del" mode="code">{--<xsl:value-of select="."/>--}</xsl:template>

  <!-- ===== CommonMark blocks: $first starts the first line, $prefix the rest ===== -->

  <!-- The blank line between blocks inside a container. -->
  <xsl:template name="gap">
    <xsl:param name="prefix"/>
    <xsl:value-of select="concat(normalize-space($prefix), $nl)"/>
  </xsl:template>

  <xsl:template match="md:paragraph | md:heading" mode="block">
    <xsl:param name="first"/>
    <xsl:param name="prefix"/>
    <xsl:value-of select="$first"/>
    <xsl:if test="self::md:heading">**</xsl:if>
    <xsl:if test="$redline"><xsl:call-template name="critic-open"/></xsl:if>
    <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    <xsl:if test="$redline"><xsl:call-template name="critic-close"/></xsl:if>
    <xsl:if test="self::md:heading">**</xsl:if>
    <xsl:value-of select="$nl"/>
    <xsl:if test="not(parent::md:item) and not(ancestor::s:requirement) and not(parent::md:block_quote)">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:block_quote" mode="block">
    <xsl:param name="first"/>
    <xsl:param name="prefix"/>
    <xsl:for-each select="*">
      <xsl:if test="position() > 1">
        <xsl:call-template name="gap"><xsl:with-param name="prefix" select="concat($prefix, '&gt;')"/></xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="." mode="block">
        <xsl:with-param name="first">
          <xsl:choose>
            <xsl:when test="position() = 1"><xsl:value-of select="concat($first, '&gt; ')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($prefix, '&gt; ')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="prefix" select="concat($prefix, '&gt; ')"/>
      </xsl:apply-templates>
    </xsl:for-each>
    <xsl:if test="not(parent::md:item) and not(ancestor::s:requirement) and not(parent::md:block_quote)">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:list" mode="block">
    <xsl:param name="first"/>
    <xsl:param name="prefix"/>
    <xsl:variable name="list" select="."/>
    <xsl:for-each select="md:item">
      <xsl:variable name="marker">
        <xsl:choose>
          <xsl:when test="$list/@type = 'ordered'">
            <xsl:value-of select="$list/@start + position() - 1"/>
            <xsl:choose>
              <xsl:when test="$list/@delim = 'paren'">) </xsl:when>
              <xsl:otherwise>. </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise>- </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="indent" select="concat($prefix, substring('          ', 1, string-length($marker)))"/>
      <xsl:variable name="lead">
        <xsl:choose>
          <xsl:when test="position() = 1"><xsl:value-of select="$first"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$prefix"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="position() > 1 and $list/@tight = 'false'">
        <xsl:call-template name="gap"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="not(*)"><xsl:value-of select="concat($lead, normalize-space($marker), $nl)"/></xsl:if>
      <xsl:for-each select="*">
        <xsl:if test="position() > 1">
          <xsl:call-template name="gap"><xsl:with-param name="prefix" select="$indent"/></xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="." mode="block">
          <xsl:with-param name="first">
            <xsl:choose>
              <xsl:when test="position() = 1"><xsl:value-of select="concat($lead, $marker)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$indent"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="prefix" select="$indent"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:if test="not(parent::md:item) and not(ancestor::s:requirement) and not(parent::md:block_quote)">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:code_block" mode="block">
    <xsl:param name="first"/>
    <xsl:param name="prefix"/>
    <xsl:variable name="fence">
      <xsl:choose>
        <xsl:when test="contains(., '~~~~')">``````</xsl:when>
        <xsl:otherwise>~~~~</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="text"><xsl:apply-templates mode="code"/></xsl:variable>
    <xsl:value-of select="concat($first, $fence, $nl)"/>
    <xsl:call-template name="lines">
      <xsl:with-param name="t" select="$text"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
    <xsl:value-of select="concat($prefix, $fence, $nl)"/>
    <xsl:if test="not(parent::md:item) and not(ancestor::s:requirement) and not(parent::md:block_quote)">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="lines">
    <xsl:param name="t"/>
    <xsl:param name="prefix"/>
    <xsl:if test="$t != ''">
      <xsl:value-of select="concat($prefix, substring-before(concat($t, $nl), $nl), $nl)"/>
      <xsl:call-template name="lines">
        <xsl:with-param name="t" select="substring-after($t, $nl)"/>
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="md:thematic_break" mode="block">
    <xsl:param name="first"/>
    <xsl:value-of select="concat($first, '* * *', $nl)"/>
    <xsl:if test="not(parent::md:item) and not(ancestor::s:requirement) and not(parent::md:block_quote)">
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== CommonMark inlines ===== -->

  <xsl:template match="md:text" mode="inline">
    <xsl:variable name="t" select="string(.)"/>
    <xsl:variable name="c" select="substring($t, 1, 1)"/>
    <!-- Text that starts a line must not open a block of its own. -->
    <xsl:if test="not(preceding-sibling::*) or preceding-sibling::*[1][self::md:linebreak]">
      <xsl:choose>
        <xsl:when test="contains('-+#=', $c) and $c != ''">\</xsl:when>
      </xsl:choose>
    </xsl:if>
    <xsl:variable name="digits" select="substring-before(concat($t, '.'), '.')"/>
    <xsl:choose>
      <xsl:when test="(not(preceding-sibling::*) or preceding-sibling::*[1][self::md:linebreak]) and $digits != '' and string-length($digits) &lt; 10 and translate($digits, '0123456789', '') = '' and (substring($t, string-length($digits) + 1, 1) = '.' or substring($t, string-length($digits) + 1, 1) = ')')">
        <xsl:value-of select="$digits"/>
        <xsl:text>\</xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="t" select="substring($t, string-length($digits) + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc"><xsl:with-param name="t" select="$t"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:softbreak" mode="inline"><xsl:text> </xsl:text></xsl:template>

  <xsl:template match="md:linebreak" mode="inline">
    <xsl:param name="prefix"/>
    <xsl:value-of select="concat('\', $nl, $prefix)"/>
  </xsl:template>

  <xsl:template match="md:code" mode="inline">
    <xsl:choose>
      <xsl:when test="contains(., '`')"><xsl:value-of select="concat('`` ', ., ' ``')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('`', ., '`')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:emph" mode="inline">
    <xsl:param name="prefix"/>
    <xsl:text>*</xsl:text>
    <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    <xsl:text>*</xsl:text>
  </xsl:template>

  <xsl:template match="md:strong" mode="inline">
    <xsl:param name="prefix"/>
    <xsl:text>**</xsl:text>
    <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    <xsl:text>**</xsl:text>
  </xsl:template>

  <xsl:template match="md:link" mode="inline">
    <xsl:param name="prefix"/>
    <xsl:variable name="ok">
      <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="@destination"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ok = '1'">
        <xsl:text>[</xsl:text>
        <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
        <xsl:text>](&lt;</xsl:text>
        <xsl:value-of select="str:replace(str:replace(@destination, '&lt;', '%3C'), '&gt;', '%3E')"/>
        <xsl:text>&gt;</xsl:text>
        <xsl:if test="@title != ''">
          <xsl:value-of select="concat(' &quot;', str:replace(@title, '&quot;', '\&quot;'), '&quot;')"/>
        </xsl:if>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:*" mode="inline">
    <xsl:call-template name="esc"><xsl:with-param name="t" select="string(.)"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
