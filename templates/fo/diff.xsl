<?xml version="1.0" encoding="UTF-8"?>
<!--
  diff.xsl (fo) - the redline of two versions as XSL-FO: the summary
  table "Ändringar jämfört med gällande version", then the new version's
  text with insertions underlined in green, deletions struck through in
  red, and a change bar in the margin beside every changed part (so
  neither colour nor the bar is the only sign).  Built from the <diff>
  marks styrdok adds to the tree, as the HTML redline is.
  Parameter: doc, the document id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="diff" select="/s:project/s:diff[@doc = $doc][last()]"/>

  <!-- Level-3 headings under the level-2 heading before them, for bookmarks. -->
  <xsl:key name="diff-sub" match="s:unit[@kind = 'heading'][@level = 3]"
      use="generate-id(preceding-sibling::s:unit[@kind = 'heading'][@level = 2][1])"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="concat('Ändringar i ', $diff/@title)"/>
    <xsl:variable name="stamp">
      <xsl:call-template name="only"><xsl:with-param name="s" select="$doc"/></xsl:call-template>
      <xsl:text> · version </xsl:text>
      <xsl:call-template name="only"><xsl:with-param name="s" select="$diff/@version"/></xsl:call-template>
    </xsl:variable>
    <fo:root xml:lang="sv" font-family="{$font-body}" font-size="{$size-body}" line-height="1.45"
        color="{$c-text}" hyphenate="false" text-align="start">
      <xsl:call-template name="layout-masters"/>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="subject" select="concat('Jämförelse: ', $diff/@new, ' mot ', $diff/@old)"/>
      </xsl:call-template>
      <fo:bookmark-tree>
        <fo:bookmark internal-destination="styrdok-title"><fo:bookmark-title><xsl:value-of select="$title"/></fo:bookmark-title></fo:bookmark>
        <xsl:call-template name="diff-bookmarks"><xsl:with-param name="d" select="$diff"/></xsl:call-template>
      </fo:bookmark-tree>
      <fo:page-sequence master-reference="styrdok" id="styrdok-diff" initial-page-number="1">
        <xsl:call-template name="furniture">
          <xsl:with-param name="head-left" select="$org/s:name"/>
          <xsl:with-param name="head-right" select="$title"/>
          <xsl:with-param name="stamp" select="$stamp"/>
          <xsl:with-param name="seq" select="'styrdok-diff'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="masthead">
            <xsl:with-param name="kind" select="'Jämförelse'"/>
            <xsl:with-param name="stamp" select="$stamp"/>
          </xsl:call-template>
          <xsl:call-template name="title-block">
            <xsl:with-param name="id" select="'styrdok-title'"/>
            <xsl:with-param name="text" select="$title"/>
          </xsl:call-template>
          <xsl:call-template name="diff-intro"><xsl:with-param name="d" select="$diff"/></xsl:call-template>
          <xsl:call-template name="diff-summary"><xsl:with-param name="d" select="$diff"/></xsl:call-template>
          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="2"/>
            <xsl:with-param name="id" select="'styrdok-redline'"/>
            <xsl:with-param name="text" select="'Texten med ändringarna markerade'"/>
          </xsl:call-template>
          <xsl:apply-templates select="$diff/s:units/s:unit"/>
          <xsl:if test="/s:project/@build-date">
            <fo:block font-size="8pt" color="{$c-muted}" space-before="8mm" border-top="0.5pt solid {$c-rule}" padding-top="2mm">
              <xsl:value-of select="concat($org/s:name, ' · ', $title)"/>
              <fo:block>Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</fo:block>
            </fo:block>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The summary and the redline's top headings, for the bookmark tree. -->
  <xsl:template name="diff-bookmarks">
    <xsl:param name="d"/>
    <xsl:param name="prefix" select="''"/>
    <fo:bookmark internal-destination="{$prefix}styrdok-changes"><fo:bookmark-title>Ändringar jämfört med gällande version</fo:bookmark-title></fo:bookmark>
    <fo:bookmark internal-destination="{$prefix}styrdok-redline" starting-state="hide">
      <fo:bookmark-title>Texten med ändringarna markerade</fo:bookmark-title>
      <xsl:for-each select="$d/s:units/s:unit[@kind = 'heading'][@level = 2]">
        <fo:bookmark starting-state="hide">
          <xsl:attribute name="internal-destination"><xsl:call-template name="unit-id"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template></xsl:attribute>
          <fo:bookmark-title><xsl:value-of select="normalize-space(concat(@num, ' ', s:text))"/></fo:bookmark-title>
          <xsl:for-each select="key('diff-sub', generate-id())">
            <fo:bookmark>
              <xsl:attribute name="internal-destination"><xsl:call-template name="unit-id"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template></xsl:attribute>
              <fo:bookmark-title><xsl:value-of select="normalize-space(concat(@num, ' ', s:text))"/></fo:bookmark-title>
            </fo:bookmark>
          </xsl:for-each>
        </fo:bookmark>
      </xsl:for-each>
    </fo:bookmark>
  </xsl:template>

  <!--
    The id of a unit's block: diff-REF, or diff-REF-old where the unit is
    the old place of a moved or removed part; only the first unit with
    that id carries it, so ids stay unique.  Empty when there is none.
  -->
  <xsl:template name="unit-id">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="u" select="."/>
    <xsl:variable name="old" select="$u/@change = 'moved-away' or $u/@change = 'removed'"/>
    <xsl:if test="$u/@ref and not($u/preceding-sibling::s:unit[@ref = $u/@ref][(@change = 'moved-away' or @change = 'removed') = $old])">
      <xsl:value-of select="concat($prefix, 'diff-', $u/@ref)"/>
      <xsl:if test="$old">-old</xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="diff-intro">
    <xsl:param name="d"/>
    <fo:block space-after="3mm">
      <xsl:text>Jämförelsen visar </xsl:text>
      <fo:inline font-weight="bold"><xsl:value-of select="$d/@new"/></fo:inline>
      <xsl:text> mot </xsl:text>
      <fo:inline font-weight="bold"><xsl:value-of select="$d/@old"/></fo:inline>
      <xsl:text>. </xsl:text>
      <xsl:call-template name="ins"><xsl:with-param name="text" select="'Understruken text'"/></xsl:call-template>
      <xsl:text> är ny, </xsl:text>
      <xsl:call-template name="del"><xsl:with-param name="text" select="'genomstruken text'"/></xsl:call-template>
      <xsl:text> är borttagen, och ett streck i marginalen visar varje ändrat stycke.</xsl:text>
    </fo:block>
  </xsl:template>

  <xsl:template name="ins">
    <xsl:param name="text"/>
    <fo:inline color="{$c-ins}" background-color="{$c-ins-bg}" text-decoration="underline"><xsl:value-of select="$text"/></fo:inline>
  </xsl:template>

  <xsl:template name="del">
    <xsl:param name="text"/>
    <fo:inline color="{$c-del}" background-color="{$c-del-bg}" text-decoration="line-through"><xsl:value-of select="$text"/></fo:inline>
  </xsl:template>

  <!-- The summary table "Ändringar jämfört med gällande version". -->
  <xsl:template name="diff-summary">
    <xsl:param name="d"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="level" select="2"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="id" select="concat($prefix, 'styrdok-changes')"/>
      <xsl:with-param name="text" select="'Ändringar jämfört med gällande version'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$d/@equal = 'yes'">
        <fo:block space-after="3mm">Versionerna har samma innehåll.</fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="caption"><xsl:with-param name="text" select="'Sammanfattning av ändringarna'"/></xsl:call-template>
        <fo:table xsl:use-attribute-sets="table">
          <fo:table-column fox:header="true" column-width="proportional-column-width(24)"/>
          <fo:table-column column-width="proportional-column-width(76)"/>
          <fo:table-header>
            <fo:table-row>
              <xsl:call-template name="th"><xsl:with-param name="text" select="'Ändring'"/></xsl:call-template>
              <xsl:call-template name="th"><xsl:with-param name="text" select="'Vad'"/></xsl:call-template>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:for-each select="$d/s:summary/s:meta">
              <fo:table-row keep-together.within-page="always">
                <fo:table-cell xsl:use-attribute-sets="row-head"><fo:block>Uppgift ändrad</fo:block></fo:table-cell>
                <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="concat(@label, ': ', @old, ' → ', @new)"/></fo:block></fo:table-cell>
              </fo:table-row>
            </xsl:for-each>
            <xsl:for-each select="$d/s:summary/s:change">
              <xsl:variable name="ref" select="@ref"/>
              <xsl:variable name="target" select="$d/s:units/s:unit[@ref = $ref][1]"/>
              <fo:table-row keep-together.within-page="always">
                <fo:table-cell xsl:use-attribute-sets="row-head">
                  <fo:block>
                    <xsl:choose>
                      <xsl:when test="@kind = 'requirement-added'">Nytt krav</xsl:when>
                      <xsl:when test="@kind = 'requirement-removed'">Borttaget krav</xsl:when>
                      <xsl:when test="@kind = 'requirement-reworded'">Ny lydelse</xsl:when>
                      <xsl:when test="@kind = 'requirement-role'">Ny ansvarig</xsl:when>
                      <xsl:when test="@kind = 'section-added'">Nytt avsnitt</xsl:when>
                      <xsl:when test="@kind = 'section-removed'">Borttaget avsnitt</xsl:when>
                      <xsl:when test="@kind = 'section-moved'">Flyttat avsnitt</xsl:when>
                      <xsl:when test="@kind = 'section-renamed'">Ny rubrik</xsl:when>
                      <xsl:when test="@kind = 'prose-changed'">Löptext</xsl:when>
                      <xsl:otherwise>Begrepp</xsl:otherwise>
                    </xsl:choose>
                  </fo:block>
                </fo:table-cell>
                <fo:table-cell xsl:use-attribute-sets="cell">
                  <fo:block>
                    <xsl:choose>
                      <xsl:when test="@kind = 'prose-changed' and . = 1">Ändrad på 1 ställe, markerat nedan.</xsl:when>
                      <xsl:when test="@kind = 'prose-changed'">Ändrad på <xsl:value-of select="."/> ställen, markerade nedan.</xsl:when>
                      <xsl:when test="$ref and $target">
                        <xsl:variable name="to">
                          <xsl:call-template name="unit-id">
                            <xsl:with-param name="prefix" select="$prefix"/>
                            <xsl:with-param name="u" select="$target"/>
                          </xsl:call-template>
                        </xsl:variable>
                        <fo:basic-link internal-destination="{$to}" color="{$c-primary}" fox:alt-text="Till ändringen i texten">
                          <xsl:value-of select="."/>
                        </fo:basic-link>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                    </xsl:choose>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
            </xsl:for-each>
          </fo:table-body>
        </fo:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== The marked units ===== -->

  <xsl:template name="change-note">
    <xsl:choose>
      <xsl:when test="@change = 'added'"><fo:inline font-weight="bold" color="{$c-accent}">Nytt: </fo:inline></xsl:when>
      <xsl:when test="@change = 'removed'"><fo:inline font-weight="bold" color="{$c-accent}">Borttaget: </fo:inline></xsl:when>
      <xsl:when test="@change = 'moved'"><fo:inline font-weight="bold" color="{$c-accent}">Flyttat hit: </fo:inline></xsl:when>
      <xsl:when test="@change = 'moved-away'"><fo:inline font-weight="bold" color="{$c-accent}">Flyttat härifrån: </fo:inline></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The change bar: a rule in the start margin beside a changed unit. -->
  <xsl:template name="bar-begin">
    <xsl:if test="@change != 'same'">
      <fo:change-bar-begin change-bar-class="{generate-id()}" change-bar-color="{$c-accent}"
          change-bar-style="solid" change-bar-width="2.5pt" change-bar-offset="3.5mm" change-bar-placement="start"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="bar-end">
    <xsl:if test="@change != 'same'">
      <fo:change-bar-end change-bar-class="{generate-id()}"/>
    </xsl:if>
  </xsl:template>

  <!-- Headings keep the document's levels below the two headings above. -->
  <xsl:template match="s:unit[@kind = 'heading']">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="shift" select="1"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="@level + $shift"/>
      <xsl:with-param name="id"><xsl:call-template name="unit-id"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="num" select="@num"/>
      <xsl:with-param name="text"><xsl:call-template name="bar-begin"/><xsl:call-template name="change-note"/><xsl:apply-templates select="s:text"/><xsl:call-template name="bar-end"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="s:unit[@kind = 'requirement']">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="id"><xsl:call-template name="unit-id"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template></xsl:variable>
    <fo:block border-left="2.5pt solid {$c-primary}" background-color="{$c-req}"
        padding-left="3mm" padding-end="3mm" padding-top="1.8mm" padding-bottom="1mm"
        space-before="2mm" space-after="3.5mm" keep-together.within-page="always">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="bar-begin"/>
      <fo:block font-size="8.5pt" color="{$c-muted}" space-after="0.8mm">
        <xsl:call-template name="change-note"/>
        <fo:inline font-weight="bold" color="{$c-primary}" font-size="9pt">Krav<xsl:if test="@num"><xsl:text> </xsl:text><xsl:value-of select="@num"/></xsl:if></fo:inline>
        <xsl:text> · </xsl:text><xsl:value-of select="@ref"/>
      </fo:block>
      <fo:block font-weight="bold" space-after="1mm"><xsl:apply-templates select="s:text"/></fo:block>
      <fo:block font-size="8.5pt" color="{$c-muted}" space-after="1mm">
        <xsl:text>Ansvarig: </xsl:text>
        <xsl:choose>
          <xsl:when test="@old-role">
            <xsl:call-template name="del"><xsl:with-param name="text"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@old-role"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="ins"><xsl:with-param name="text"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <xsl:call-template name="bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="s:unit">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="id"><xsl:call-template name="unit-id"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template></xsl:variable>
    <fo:block space-after="2.5mm">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:if test="@item = 'yes'">
        <xsl:attribute name="start-indent">6mm</xsl:attribute>
        <xsl:attribute name="text-indent">-4mm</xsl:attribute>
        <xsl:attribute name="space-after">1mm</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="bar-begin"/>
      <xsl:call-template name="change-note"/>
      <xsl:if test="@item = 'yes'">•&#x2002;</xsl:if>
      <xsl:apply-templates select="s:text"/>
      <xsl:call-template name="bar-end"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="s:text">
    <xsl:choose>
      <xsl:when test="../@change = 'added'"><xsl:call-template name="ins"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:when>
      <xsl:when test="../@change = 'removed'"><xsl:call-template name="del"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="s:ins"><xsl:call-template name="ins"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:template>
  <xsl:template match="s:del">
    <xsl:call-template name="del"><xsl:with-param name="text" select="."/></xsl:call-template>
    <!-- A replaced word: keep the old and the new apart. -->
    <xsl:if test="following-sibling::node()[1][self::s:ins]"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
</xsl:stylesheet>
