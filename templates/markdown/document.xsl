<?xml version="1.0" encoding="UTF-8"?>
<!--
  document.xsl - one governing document as CommonMark.  The result must
  parse back with cmark to the same structure: every piece of source text
  is escaped ("esc"), blocks are written with the prefix of their
  container (block quotes, list items), and nothing relies on
  extensions such as tables.  Parameter: doc, the document id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s md str">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Characters with inline meaning in CommonMark, and their escapes. -->
  <xsl:variable name="specials" select="str:split('\ ` * _ [ ] &lt; &gt; &amp; !', ' ')"/>
  <xsl:variable name="escaped" select="str:split('\\ \` \* \_ \[ \] \&lt; \&gt; \&amp; \!', ' ')"/>
  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- Source text as CommonMark inline text. -->
  <xsl:template name="esc">
    <xsl:param name="t"/>
    <xsl:for-each select="str:replace($t, $specials, $escaped)">
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="esc-line">
    <xsl:param name="t"/>
    <xsl:call-template name="esc"><xsl:with-param name="t" select="normalize-space($t)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/">
    <xsl:text># </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$meta/s:title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>*</xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$org/s:name"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="type-name"/>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="concat($doc, ' · version ', $meta/s:version, ' · ', $meta/s:status, ' · ', $short-hash)"/>
    <xsl:value-of select="concat('*', $nl, $nl)"/>
    <xsl:if test="$is-draft">
      <xsl:text>&gt; **UTKAST** – </xsl:text>
      <xsl:call-template name="status-name"/>
      <xsl:value-of select="concat(', inte beslutad.', $nl, $nl)"/>
    </xsl:if>
    <xsl:call-template name="docinfo"/>
    <xsl:apply-templates select="$document/s:body/s:section"/>
    <xsl:call-template name="roles"/>
    <xsl:call-template name="history"/>
    <xsl:text>---</xsl:text>
    <xsl:value-of select="concat($nl, $nl, 'Källans SHA-256: `', $sha256, '`', $nl)"/>
  </xsl:template>

  <!-- ===== Metadata ===== -->

  <xsl:template name="item">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:text>- **</xsl:text>
    <xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    <xsl:text>:** </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$value"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="docinfo">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <xsl:value-of select="concat('## Dokumentinformation', $nl, $nl)"/>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'type'"/>
      <xsl:with-param name="value"><xsl:call-template name="type-name"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'decided-by'"/>
      <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dec/@organ"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'decision-date'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="$dec/@date"><xsl:value-of select="$dec/@date"/></xsl:when>
          <xsl:otherwise>Ej beslutad</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="$dec/@paragraph">
      <xsl:call-template name="item">
        <xsl:with-param name="key" select="'paragraph'"/>
        <xsl:with-param name="value" select="concat('§ ', $dec/@paragraph)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$dec/@dnr">
      <xsl:call-template name="item">
        <xsl:with-param name="key" select="'dnr'"/>
        <xsl:with-param name="value" select="$dec/@dnr"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'owner'"/>
      <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$meta/s:owner/@role"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'applies-to'"/>
      <xsl:with-param name="value" select="$meta/s:applies-to"/>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'valid-from'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="$meta/s:valid-from"><xsl:value-of select="$meta/s:valid-from"/></xsl:when>
          <xsl:otherwise>Från beslutsdatum</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'review-by'"/>
      <xsl:with-param name="value" select="$meta/s:review-by"/>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'version'"/>
      <xsl:with-param name="value" select="$meta/s:version"/>
    </xsl:call-template>
    <xsl:call-template name="item">
      <xsl:with-param name="key" select="'status'"/>
      <xsl:with-param name="value"><xsl:call-template name="status-name"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$meta/s:supersedes">
      <xsl:call-template name="item">
        <xsl:with-param name="key" select="'supersedes'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:text> (</xsl:text><xsl:call-template name="decision-ref"/><xsl:text>)</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$meta/s:requires">
      <xsl:call-template name="item">
        <xsl:with-param name="key" select="'requires'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:if test="not(@doc = /s:project/s:source/s:document/@id)"> – saknas ännu</xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$meta/s:related">
      <xsl:call-template name="item">
        <xsl:with-param name="key" select="'related'"/>
        <xsl:with-param name="value" select="/s:project/s:source/s:document[@id = current()/@doc]/s:meta/s:title"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ===== Body ===== -->

  <xsl:template match="s:section">
    <xsl:value-of select="substring('#####', 1, count(ancestor::s:section) + 2)"/>
    <xsl:value-of select="concat(' ', @num, ' ')"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:title"/></xsl:call-template>
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
    <xsl:text>&gt; **Krav </xsl:text>
    <xsl:value-of select="concat(@num, '** · ', @id, $nl, '&gt;', $nl, '&gt; **')"/>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:statement"/></xsl:call-template>
    <xsl:value-of select="concat('**', $nl, '&gt;', $nl, '&gt; *Ansvarig: ')"/>
    <xsl:call-template name="esc-line">
      <xsl:with-param name="t"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:if test="@service">
      <xsl:text> · Utförs genom: </xsl:text>
      <xsl:call-template name="esc-line">
        <xsl:with-param name="t" select="concat(key('id', @service)/s:name, ' (', key('id', @service)/parent::s:provider/s:name, ')')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@iso27002">
      <xsl:value-of select="concat(' · ISO/IEC 27002: ', str:replace(normalize-space(@iso27002), ' ', ', '))"/>
    </xsl:if>
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
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:name"/></xsl:call-template>
      <xsl:text>** – </xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:definition"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
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
          <xsl:text> – innehas av </xsl:text>
          <xsl:for-each select="s:holder">
            <xsl:if test="position() > 1">, </xsl:if>
            <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$document//s:requirement[@role = $rid]">
          <xsl:text>; ansvarar för krav </xsl:text>
          <xsl:for-each select="$document//s:requirement[@role = $rid]">
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
            <xsl:with-param name="t"><xsl:call-template name="decision-ref"/><xsl:if test="@dnr">, dnr <xsl:value-of select="@dnr"/></xsl:if></xsl:with-param>
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
      <xsl:if test="@archived = 'no'"> *Texten är inte arkiverad.*</xsl:if>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

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
    <xsl:apply-templates mode="inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
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
    <xsl:value-of select="concat($first, $fence, $nl)"/>
    <xsl:call-template name="lines">
      <xsl:with-param name="t" select="."/>
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
