<?xml version="1.0" encoding="UTF-8"?>
<!--
  diff.xsl - the redline as an OpenDocument Text package: the summary
  table "Ändringar jämfört med gällande version", then the new version's
  text with every insertion and deletion recorded as a tracked change
  (text:tracked-changes with one text:changed-region per change, marked
  in the text with text:change-start/text:change-end for insertions and
  text:change for deletions), so an official can accept or reject each
  one in LibreOffice.  Built from the <diff> marks styrdok adds to the
  tree (see html/diff.xsl).  Parameter: doc, the document id.

  Change ids are built from the unit's position and the mark's position
  in it, never from generate-id(), so the output is the same every run.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="package.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="diff" select="/s:project/s:diff[@doc = $doc][last()]"/>

  <xsl:variable name="odt-title" select="concat('Ändringar i ', $diff/@title)"/>
  <xsl:variable name="odt-subject" select="concat('Jämförelse: ', $diff/@new, ' mot ', $diff/@old)"/>
  <xsl:variable name="odt-stamp" select="concat($doc, ' · version ', $diff/@version)"/>
  <xsl:variable name="odt-id" select="string($doc)"/>
  <xsl:variable name="odt-version" select="string($diff/@version)"/>

  <!-- When the changes were made, as office:change-info needs one: the build day. -->
  <xsl:variable name="change-date">
    <xsl:choose>
      <xsl:when test="$odt-date != ''"><xsl:value-of select="$odt-date"/></xsl:when>
      <xsl:otherwise>1970-01-01T00:00:00</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="odt-package"/>
  </xsl:template>

  <xsl:template name="odt-auto-styles">
    <style:style style:name="Tab" style:family="table" style:parent-style-name="Tabell">
      <style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
    </style:style>
    <style:style style:name="Col1" style:family="table-column">
      <style:table-column-properties style:column-width="4cm"/>
    </style:style>
    <style:style style:name="Col2" style:family="table-column">
      <style:table-column-properties style:column-width="12cm"/>
    </style:style>
    <style:style style:name="Cell" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid {$c-rule}"/>
    </style:style>
    <style:style style:name="HeadCell" style:family="table-cell">
      <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid {$c-rule}" fo:background-color="#eef2f7"/>
    </style:style>
  </xsl:template>

  <!-- ===== Body ===== -->

  <xsl:template name="odt-body">
    <xsl:if test="$diff/s:units/s:unit[@change = 'added' or @change = 'removed' or @change = 'changed']">
      <text:tracked-changes text:track-changes="false">
        <xsl:apply-templates select="$diff/s:units/s:unit" mode="regions"/>
      </text:tracked-changes>
    </xsl:if>
    <text:p text:style-name="Dokumenthuvud"><xsl:value-of select="$org/s:name"/></text:p>
    <text:p text:style-name="Subtitle">Jämförelse</text:p>
    <xsl:if test="$restricted = 'include'">
      <text:p text:style-name="Utkastmarkering">INTERN – innehåller uppgifter som inte ska publiceras</text:p>
    </xsl:if>
    <text:p text:style-name="Title"><xsl:value-of select="$odt-title"/></text:p>
    <text:p text:style-name="Text_20_body">
      <xsl:text>Jämförelsen visar </xsl:text>
      <text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="$diff/@new"/></text:span>
      <xsl:text> mot </xsl:text>
      <text:span text:style-name="Strong_20_Emphasis"><xsl:value-of select="$diff/@old"/></text:span>
      <xsl:text>. Ändringarna är spårade ändringar: ny text visas understruken och borttagen text genomstruken, med ett streck i marginalen vid varje ändrat stycke. Var och en kan godkännas eller avvisas under Redigera &gt; Spåra ändringar &gt; Hantera.</xsl:text>
    </text:p>

    <text:h text:style-name="Heading_20_1" text:outline-level="1"><text:bookmark text:name="styrdok-changes"/>Ändringar jämfört med gällande version</text:h>
    <xsl:choose>
      <xsl:when test="$diff/@equal = 'yes'">
        <text:p text:style-name="Text_20_body">Versionerna har samma innehåll.</text:p>
      </xsl:when>
      <xsl:otherwise>
        <text:p text:style-name="Table">Sammanfattning av ändringarna</text:p>
        <table:table table:name="Andringar" table:style-name="Tab">
          <table:table-column table:style-name="Col1"/>
          <table:table-column table:style-name="Col2"/>
          <table:table-header-rows>
            <table:table-row>
              <xsl:call-template name="th"><xsl:with-param name="value" select="'Ändring'"/></xsl:call-template>
              <xsl:call-template name="th"><xsl:with-param name="value" select="'Vad'"/></xsl:call-template>
            </table:table-row>
          </table:table-header-rows>
          <xsl:for-each select="$diff/s:summary/s:meta">
            <table:table-row>
              <xsl:call-template name="th"><xsl:with-param name="value" select="'Uppgift ändrad'"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="value" select="concat(@label, ': ', @old, ' → ', @new)"/></xsl:call-template>
            </table:table-row>
          </xsl:for-each>
          <xsl:for-each select="$diff/s:summary/s:change">
            <table:table-row>
              <xsl:call-template name="th">
                <xsl:with-param name="value">
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
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="td">
                <xsl:with-param name="value">
                  <xsl:choose>
                    <xsl:when test="@kind = 'prose-changed' and . = 1">Ändrad på 1 ställe, markerat nedan.</xsl:when>
                    <xsl:when test="@kind = 'prose-changed'">Ändrad på <xsl:value-of select="."/> ställen, markerade nedan.</xsl:when>
                    <xsl:when test="@ref">
                      <text:a xlink:type="simple" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">
                        <xsl:attribute name="xlink:href">
                          <xsl:text>#diff-</xsl:text><xsl:value-of select="@ref"/>
                          <!-- Only the old place exists for a removed section. -->
                          <xsl:if test="not($diff/s:units/s:unit[@ref = current()/@ref][not(@change = 'removed' or @change = 'moved-away')])
                                        and $diff/s:units/s:unit[@ref = current()/@ref][@kind = 'heading']">-old</xsl:if>
                        </xsl:attribute>
                        <xsl:value-of select="."/>
                      </text:a>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </table:table-row>
          </xsl:for-each>
        </table:table>
      </xsl:otherwise>
    </xsl:choose>

    <text:h text:style-name="Heading_20_1" text:outline-level="1"><text:bookmark text:name="styrdok-redline"/>Texten med ändringarna markerade</text:h>
    <xsl:apply-templates select="$diff/s:units/s:unit"/>
    <xsl:if test="/s:project/@build-date">
      <text:p text:style-name="Dokumentslut_20_first">Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</text:p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="th">
    <xsl:param name="value"/>
    <table:table-cell table:style-name="HeadCell" office:value-type="string">
      <text:p text:style-name="Table_20_Heading"><xsl:copy-of select="$value"/></text:p>
    </table:table-cell>
  </xsl:template>

  <xsl:template name="td">
    <xsl:param name="value"/>
    <table:table-cell table:style-name="Cell" office:value-type="string">
      <text:p text:style-name="Table_20_Contents"><xsl:copy-of select="$value"/></text:p>
    </table:table-cell>
  </xsl:template>

  <!-- ===== Change ids ===== -->

  <!-- "ct<unit>-<n>": n is 0 for a whole unit, the mark's place in the text, or r1/r2 for a role. -->
  <xsl:template name="change-id">
    <xsl:param name="unit" select="ancestor-or-self::s:unit[1]"/>
    <xsl:param name="n"/>
    <xsl:value-of select="concat('ct', count($unit/preceding-sibling::s:unit) + 1, '-', $n)"/>
  </xsl:template>

  <xsl:template name="change-info">
    <office:change-info>
      <dc:creator>styrdok</dc:creator>
      <dc:date><xsl:value-of select="$change-date"/></dc:date>
    </office:change-info>
  </xsl:template>

  <xsl:template name="region">
    <xsl:param name="id"/>
    <xsl:param name="deleted"/>
    <xsl:param name="kind"/>
    <xsl:param name="style"><xsl:call-template name="unit-style"/></xsl:param>
    <text:changed-region>
      <xsl:attribute name="xml:id"><xsl:value-of select="$id"/></xsl:attribute>
      <xsl:attribute name="text:id"><xsl:value-of select="$id"/></xsl:attribute>
      <xsl:choose>
        <xsl:when test="$kind = 'insertion'">
          <text:insertion><xsl:call-template name="change-info"/></text:insertion>
        </xsl:when>
        <xsl:otherwise>
          <text:deletion>
            <xsl:call-template name="change-info"/>
            <text:p text:style-name="{$style}"><xsl:call-template name="kept-spaces"><xsl:with-param name="s" select="string($deleted)"/></xsl:call-template></text:p>
          </text:deletion>
        </xsl:otherwise>
      </xsl:choose>
    </text:changed-region>
  </xsl:template>

  <!--
    Deleted words as a paragraph of their own keep the spaces at their
    ends (ODF drops them at the ends of a paragraph), so that rejecting
    the deletion gives the old text back exactly.
  -->
  <xsl:template name="kept-spaces">
    <xsl:param name="s"/>
    <xsl:variable name="lead" select="starts-with($s, ' ')"/>
    <xsl:variable name="trail" select="string-length($s) > 1 and substring($s, string-length($s)) = ' '"/>
    <xsl:if test="$lead"><text:s/></xsl:if>
    <xsl:value-of select="substring($s, 1 + number($lead), string-length($s) - number($lead) - number($trail))"/>
    <xsl:if test="$trail"><text:s/></xsl:if>
  </xsl:template>

  <!-- The paragraph style of the unit's text, for deleted text as well. -->
  <xsl:template name="unit-style">
    <xsl:variable name="u" select="ancestor-or-self::s:unit[1]"/>
    <xsl:choose>
      <xsl:when test="$u/@kind = 'heading' and $u/@level > 4">Heading_20_4</xsl:when>
      <xsl:when test="$u/@kind = 'heading' and $u/@level > 1">Heading_20_<xsl:value-of select="$u/@level"/></xsl:when>
      <xsl:when test="$u/@kind = 'heading'">Heading_20_2</xsl:when>
      <xsl:when test="$u/@kind = 'requirement'">Krav</xsl:when>
      <xsl:when test="$u/@kind = 'term'">Definition</xsl:when>
      <xsl:otherwise>Text_20_body</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== The regions, in the order of the text ===== -->

  <xsl:template match="s:unit" mode="regions">
    <xsl:choose>
      <xsl:when test="@change = 'added'">
        <xsl:call-template name="region">
          <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="0"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="kind" select="'insertion'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@change = 'removed'">
        <xsl:call-template name="region">
          <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="0"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="kind" select="'deletion'"/>
          <xsl:with-param name="deleted" select="string(s:text)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@change = 'changed'">
        <xsl:for-each select="s:text/s:ins | s:text/s:del">
          <xsl:call-template name="region">
            <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="position()"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="kind"><xsl:choose><xsl:when test="self::s:ins">insertion</xsl:when><xsl:otherwise>deletion</xsl:otherwise></xsl:choose></xsl:with-param>
            <xsl:with-param name="deleted" select="string(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="@old-role">
          <xsl:call-template name="region">
            <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="'r1'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="kind" select="'deletion'"/>
            <xsl:with-param name="deleted"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@old-role"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="style" select="'Krav_20_uppgifter'"/>
          </xsl:call-template>
          <xsl:call-template name="region">
            <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="'r2'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="kind" select="'insertion'"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== The marked text ===== -->

  <xsl:template name="change-note">
    <xsl:choose>
      <xsl:when test="@change = 'added'"><text:span text:style-name="Andringsnotis">Nytt: </text:span></xsl:when>
      <xsl:when test="@change = 'removed'"><text:span text:style-name="Andringsnotis">Borttaget: </text:span></xsl:when>
      <xsl:when test="@change = 'moved'"><text:span text:style-name="Andringsnotis">Flyttat hit: </text:span></xsl:when>
      <xsl:when test="@change = 'moved-away'"><text:span text:style-name="Andringsnotis">Flyttat härifrån: </text:span></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Headings keep the document's levels below the two level-1 headings above. -->
  <xsl:template match="s:unit[@kind = 'heading']">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@level > 1"><xsl:value-of select="@level"/></xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="style-level">
      <xsl:choose>
        <xsl:when test="$level > 4">4</xsl:when>
        <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <text:h text:style-name="Heading_20_{$style-level}" text:outline-level="{$level}">
      <text:bookmark>
        <xsl:attribute name="text:name">diff-<xsl:value-of select="@ref"/><xsl:if test="@change = 'moved-away' or @change = 'removed'">-old</xsl:if></xsl:attribute>
      </text:bookmark>
      <xsl:call-template name="change-note"/>
      <xsl:if test="@num"><xsl:value-of select="@num"/><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="s:text"/>
    </text:h>
  </xsl:template>

  <xsl:template match="s:unit[@kind = 'requirement']">
    <text:p text:style-name="Krav_20_rubrik">
      <text:bookmark text:name="diff-{@ref}"/>
      <xsl:call-template name="change-note"/>
      <text:span text:style-name="Kravnummer">Krav<xsl:if test="@num"><xsl:text> </xsl:text><xsl:value-of select="@num"/></xsl:if></text:span>
      <xsl:text> · </xsl:text><xsl:value-of select="@ref"/>
    </text:p>
    <text:p text:style-name="Krav"><xsl:apply-templates select="s:text"/></text:p>
    <text:p text:style-name="Krav_20_uppgifter">
      <xsl:text>Ansvarig: </xsl:text>
      <xsl:choose>
        <xsl:when test="@old-role">
          <text:change>
            <xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="'r1'"/></xsl:call-template></xsl:attribute>
          </text:change>
          <xsl:call-template name="inserted">
            <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="'r2'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </text:p>
  </xsl:template>

  <xsl:template match="s:unit">
    <text:p>
      <xsl:attribute name="text:style-name">
        <xsl:choose>
          <xsl:when test="@kind = 'term'">Definition</xsl:when>
          <xsl:otherwise>Text_20_body</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="change-note"/>
      <xsl:if test="@item = 'yes'">• </xsl:if>
      <xsl:apply-templates select="s:text"/>
    </text:p>
  </xsl:template>

  <xsl:template name="inserted">
    <xsl:param name="id"/>
    <xsl:param name="value"/>
    <text:change-start text:change-id="{$id}"/>
    <xsl:value-of select="$value"/>
    <text:change-end text:change-id="{$id}"/>
  </xsl:template>

  <xsl:template match="s:text">
    <xsl:variable name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="0"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="../@change = 'added'">
        <xsl:call-template name="inserted">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="value" select="string(.)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="../@change = 'removed'">
        <text:change text:change-id="{$id}"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Word marks, numbered in the order of the regions above. -->
  <xsl:template match="s:ins">
    <xsl:call-template name="inserted">
      <xsl:with-param name="id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="count(preceding-sibling::s:ins | preceding-sibling::s:del) + 1"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="value" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="s:del">
    <text:change>
      <xsl:attribute name="text:change-id"><xsl:call-template name="change-id"><xsl:with-param name="n" select="count(preceding-sibling::s:ins | preceding-sibling::s:del) + 1"/></xsl:call-template></xsl:attribute>
    </text:change>
  </xsl:template>
</xsl:stylesheet>
