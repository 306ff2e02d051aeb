<?xml version="1.0" encoding="UTF-8"?>
<!--
  diff.xsl - the redline of two versions as a Word document (DOCX): the
  summary table "Ändringar jämfört med gällande version", then the new
  version's text where every change is a tracked change (w:ins, w:del
  by author "styrdok"), so an official can accept or reject each one in
  Word; accepting them all gives the new version's text.  What kind of
  change a part is (new, removed, moved, changed) is said in a Word
  comment on it, so the notes never become part of the text.  Built from
  the <diff> marks styrdok adds to the tree (see templates/html/diff.xsl).

  Parameters: doc, the document id (the last <diff> for it is used).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s w r exsl">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="package.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="diff" select="/s:project/s:diff[@doc = $doc][last()]"/>
  <xsl:variable name="author" select="'styrdok'"/>

  <xsl:variable name="docx-title" select="concat('Ändringar i ', $diff/@title)"/>
  <xsl:variable name="docx-subject" select="concat('Jämförelse: ', $diff/@new, ' mot ', $diff/@old)"/>
  <xsl:variable name="docx-description" select="concat('Ändringar i ', $diff/@title, ', version ', $diff/@version, ': ', $diff/@new, ' mot ', $diff/@old)"/>
  <xsl:variable name="docx-category" select="'Jämförelse'"/>
  <xsl:variable name="docx-version" select="string($diff/@version)"/>
  <xsl:variable name="docx-id" select="string($diff/@doc)"/>
  <xsl:variable name="docx-header-right" select="concat('Jämförelse · ', $diff/@title)"/>
  <xsl:variable name="docx-stamp" select="concat($diff/@doc, ' · version ', $diff/@version)"/>

  <!-- Units that get a comment saying what kind of change they are. -->
  <xsl:variable name="noted" select="$diff/s:units/s:unit[@change != 'same']"/>

  <!-- ===== Extra parts: the comments ===== -->

  <xsl:template match="/" mode="docx-types">
    <xsl:if test="$noted">
      <Override xmlns="http://schemas.openxmlformats.org/package/2006/content-types"
          PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/" mode="docx-rels">
    <xsl:if test="$noted">
      <Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships"
          Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/" mode="docx-parts">
    <xsl:if test="$noted">
      <zip:entry xmlns:zip="urn:styrdok:zip" name="word/comments.xml">
        <w:comments>
          <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
          <xsl:for-each select="$noted">
            <w:comment w:id="{100001 + count(preceding-sibling::s:unit)}" w:author="{$author}" w:initials="SD">
              <xsl:call-template name="rev-date"/>
              <w:p>
                <w:pPr><w:pStyle w:val="CommentText"/></w:pPr>
                <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>
                <xsl:call-template name="run"><xsl:with-param name="text"><xsl:call-template name="note-text"/></xsl:with-param></xsl:call-template>
              </w:p>
            </w:comment>
          </xsl:for-each>
        </w:comments>
      </zip:entry>
    </xsl:if>
  </xsl:template>

  <!-- What a comment says about the unit in context. -->
  <xsl:template name="note-text">
    <xsl:variable name="what">
      <xsl:choose>
        <xsl:when test="@kind = 'heading'">avsnitt</xsl:when>
        <xsl:when test="@kind = 'requirement'">krav</xsl:when>
        <xsl:when test="@kind = 'term'">begrepp</xsl:when>
        <xsl:otherwise>stycke</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@change = 'added'">Nytt: <xsl:value-of select="$what"/> som inte finns i <xsl:value-of select="$diff/@old"/>.</xsl:when>
      <xsl:when test="@change = 'removed'">Borttaget: <xsl:value-of select="$what"/> som inte finns i <xsl:value-of select="$diff/@new"/>.</xsl:when>
      <xsl:when test="@change = 'moved'">Flyttat hit: avsnittet stod på ett annat ställe i <xsl:value-of select="$diff/@old"/>.</xsl:when>
      <xsl:when test="@change = 'moved-away'">Flyttat härifrån: avsnittet står på ett annat ställe i <xsl:value-of select="$diff/@new"/>.</xsl:when>
      <xsl:when test="@old-role">Ändrat: kravet har fått en annan ansvarig roll.</xsl:when>
      <xsl:when test="@kind = 'heading'">Ändrat: avsnittet har fått en ny rubrik, ändringarna är markerade.</xsl:when>
      <xsl:otherwise>Ändrat: ny lydelse, ändringarna är markerade.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Revision marks ===== -->

  <!-- w:date of every revision and comment: the build date, never a clock. -->
  <xsl:template name="rev-date">
    <xsl:if test="$build-datetime != ''">
      <xsl:attribute name="w:date"><xsl:value-of select="$build-datetime"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!--
    A revision id unique in the document: eight per node of the diff
    ($k from 0 to 7 picks one), numbered in document order.
  -->
  <xsl:template name="rev-id">
    <xsl:param name="k" select="0"/>
    <xsl:variable name="n"><xsl:number level="any" count="s:unit | s:ins | s:del" from="s:diff"/></xsl:variable>
    <xsl:value-of select="$n * 8 + $k"/>
  </xsl:template>

  <!-- Runs wrapped as inserted ($how = 'ins') or deleted ('del'), or plain. -->
  <xsl:template name="tracked">
    <xsl:param name="how" select="''"/>
    <xsl:param name="text"/>
    <xsl:param name="k" select="0"/>
    <xsl:param name="style" select="''"/>
    <xsl:param name="b" select="false()"/>
    <xsl:choose>
      <xsl:when test="string($text) = ''"/>
      <xsl:when test="$how = 'ins'">
        <w:ins w:author="{$author}">
          <xsl:attribute name="w:id"><xsl:call-template name="rev-id"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="rev-date"/>
          <xsl:call-template name="run">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="style" select="$style"/>
            <xsl:with-param name="b" select="$b"/>
          </xsl:call-template>
        </w:ins>
      </xsl:when>
      <xsl:when test="$how = 'del'">
        <w:del w:author="{$author}">
          <xsl:attribute name="w:id"><xsl:call-template name="rev-id"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="rev-date"/>
          <w:r>
            <xsl:if test="$style != '' or $b">
              <w:rPr>
                <xsl:if test="$style != ''"><w:rStyle w:val="{$style}"/></xsl:if>
                <xsl:if test="$b"><w:b/></xsl:if>
              </w:rPr>
            </xsl:if>
            <w:delText xml:space="preserve"><xsl:value-of select="$text"/></w:delText>
          </w:r>
        </w:del>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="style" select="$style"/>
          <xsl:with-param name="b" select="$b"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- How the whole of a unit is tracked: added units are inserted, removed ones deleted. -->
  <xsl:template name="how">
    <xsl:choose>
      <xsl:when test="@change = 'added'">ins</xsl:when>
      <xsl:when test="@change = 'removed' or @change = 'moved-away'">del</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- pPr of a unit's paragraph: its style, and its paragraph mark tracked with the unit. -->
  <xsl:template name="unit-ppr">
    <xsl:param name="style" select="''"/>
    <xsl:param name="how"/>
    <xsl:param name="k" select="7"/>
    <xsl:param name="num" select="false()"/>
    <w:pPr>
      <xsl:if test="$style != ''"><w:pStyle w:val="{$style}"/></xsl:if>
      <xsl:if test="$num"><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></xsl:if>
      <xsl:if test="$how != ''">
        <w:rPr>
          <xsl:element name="w:{$how}">
            <xsl:attribute name="w:id"><xsl:call-template name="rev-id"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
            <xsl:attribute name="w:author"><xsl:value-of select="$author"/></xsl:attribute>
            <xsl:call-template name="rev-date"/>
          </xsl:element>
        </w:rPr>
      </xsl:if>
    </w:pPr>
  </xsl:template>

  <!-- The comment anchors around a unit's first paragraph. -->
  <xsl:template name="comment-start">
    <xsl:if test="@change != 'same'"><w:commentRangeStart w:id="{100001 + count(preceding-sibling::s:unit)}"/></xsl:if>
  </xsl:template>
  <xsl:template name="comment-end">
    <xsl:if test="@change != 'same'">
      <w:commentRangeEnd w:id="{100001 + count(preceding-sibling::s:unit)}"/>
      <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{100001 + count(preceding-sibling::s:unit)}"/></w:r>
    </xsl:if>
  </xsl:template>

  <!-- The bookmark the summary links to, named as the HTML redline's ids. -->
  <xsl:template name="unit-anchor">
    <xsl:param name="old" select="false()"/>
    <xsl:call-template name="anchor">
      <xsl:with-param name="id" select="concat('diff-', @ref, substring('-old', 1, 4 * number($old)))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== The body ===== -->

  <xsl:template match="/" mode="docx-body">
    <w:p>
      <w:pPr><w:pStyle w:val="Masthead"/></w:pPr>
      <xsl:call-template name="run"><xsl:with-param name="text" select="$org/s:name"/></xsl:call-template>
    </w:p>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="DocType"/>
        <w:tabs><w:tab w:val="right" w:pos="{$text-w}"/></w:tabs>
      </w:pPr>
      <xsl:call-template name="run"><xsl:with-param name="text" select="'Jämförelse'"/></xsl:call-template>
      <w:r><w:tab/></w:r>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="$docx-stamp"/>
        <xsl:with-param name="style" select="'Stamp'"/>
      </xsl:call-template>
    </w:p>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Title'"/>
      <xsl:with-param name="text" select="$docx-title"/>
    </xsl:call-template>
    <w:p>
      <xsl:call-template name="run"><xsl:with-param name="text" select="'Jämförelsen visar '"/></xsl:call-template>
      <xsl:call-template name="run"><xsl:with-param name="text" select="$diff/@new"/><xsl:with-param name="b" select="true()"/></xsl:call-template>
      <xsl:call-template name="run"><xsl:with-param name="text" select="' mot '"/></xsl:call-template>
      <xsl:call-template name="run"><xsl:with-param name="text" select="$diff/@old"/><xsl:with-param name="b" select="true()"/></xsl:call-template>
      <xsl:call-template name="run"><xsl:with-param name="text" select="'. Ändringarna är spårade ändringar: infogad text visas understruken, borttagen text genomstruken, och ett streck i marginalen visar varje ändrat stycke. En kommentar säger vad som har hänt med stycket. Under Granska i Word kan varje ändring godkännas eller avvisas; godkänns alla blir texten den nya versionens.'"/></xsl:call-template>
    </w:p>

    <xsl:call-template name="heading">
      <xsl:with-param name="style" select="'Heading1'"/>
      <xsl:with-param name="text"><xsl:call-template name="run"><xsl:with-param name="text" select="'Ändringar jämfört med gällande version'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="anchor" select="'styrdok_changes'"/>
      <xsl:with-param name="bookmark-id" select="1"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$diff/@equal = 'yes'">
        <xsl:call-template name="para"><xsl:with-param name="text" select="'Versionerna har samma innehåll.'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="summary"/></xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="heading">
      <xsl:with-param name="style" select="'Heading1'"/>
      <xsl:with-param name="text"><xsl:call-template name="run"><xsl:with-param name="text" select="'Texten med ändringarna markerade'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="anchor" select="'styrdok_redline'"/>
      <xsl:with-param name="bookmark-id" select="2"/>
    </xsl:call-template>
    <xsl:apply-templates select="$diff/s:units/s:unit"/>
  </xsl:template>

  <xsl:template name="summary">
    <xsl:variable name="w1" select="2600"/>
    <xsl:call-template name="para">
      <xsl:with-param name="style" select="'Caption'"/>
      <xsl:with-param name="text" select="'Sammanfattning av ändringarna'"/>
    </xsl:call-template>
    <w:tbl>
      <xsl:call-template name="table-start">
        <xsl:with-param name="widths" select="concat($w1, ' ', $text-w - $w1)"/>
        <xsl:with-param name="first-col" select="true()"/>
        <xsl:with-param name="caption" select="'Sammanfattning av ändringarna'"/>
      </xsl:call-template>
      <w:tr>
        <xsl:call-template name="header-row-pr"/>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$w1"/><xsl:with-param name="text" select="'Ändring'"/></xsl:call-template>
        <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$text-w - $w1"/><xsl:with-param name="text" select="'Vad'"/></xsl:call-template>
      </w:tr>
      <xsl:for-each select="$diff/s:summary/s:meta">
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$w1"/><xsl:with-param name="text" select="'Uppgift ändrad'"/></xsl:call-template>
          <xsl:call-template name="text-cell"><xsl:with-param name="w" select="$text-w - $w1"/><xsl:with-param name="text" select="concat(@label, ': ', @old, ' → ', @new)"/></xsl:call-template>
        </w:tr>
      </xsl:for-each>
      <xsl:for-each select="$diff/s:summary/s:change">
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="w" select="$w1"/>
            <xsl:with-param name="text">
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
          <xsl:call-template name="cell">
            <xsl:with-param name="w" select="$text-w - $w1"/>
            <xsl:with-param name="content">
              <xsl:choose>
                <xsl:when test="@kind = 'prose-changed' and . = 1">
                  <xsl:call-template name="run"><xsl:with-param name="text" select="'Ändrad på 1 ställe, markerat nedan.'"/></xsl:call-template>
                </xsl:when>
                <xsl:when test="@kind = 'prose-changed'">
                  <xsl:call-template name="run"><xsl:with-param name="text" select="concat('Ändrad på ', ., ' ställen, markerade nedan.')"/></xsl:call-template>
                </xsl:when>
                <xsl:when test="@ref">
                  <w:hyperlink>
                    <xsl:attribute name="w:anchor"><xsl:call-template name="unit-anchor"/></xsl:attribute>
                    <xsl:call-template name="run">
                      <xsl:with-param name="text" select="."/>
                      <xsl:with-param name="style" select="'Hyperlink'"/>
                    </xsl:call-template>
                  </w:hyperlink>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="run"><xsl:with-param name="text" select="."/></xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <!-- Headings keep the document's levels: level 2 (a top section) is Heading2 under the Heading1 above. -->
  <xsl:template match="s:unit[@kind = 'heading']">
    <xsl:variable name="how"><xsl:call-template name="how"/></xsl:variable>
    <xsl:variable name="bm"><xsl:call-template name="rev-id"/></xsl:variable>
    <w:p>
      <xsl:call-template name="unit-ppr">
        <xsl:with-param name="style">
          <xsl:choose>
            <xsl:when test="@level > 4">Heading4</xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('Heading', @level)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="how" select="$how"/>
      </xsl:call-template>
      <xsl:if test="@ref">
        <w:bookmarkStart w:id="{$bm}">
          <xsl:attribute name="w:name">
            <xsl:call-template name="unit-anchor"><xsl:with-param name="old" select="@change = 'moved-away' or @change = 'removed'"/></xsl:call-template>
          </xsl:attribute>
        </w:bookmarkStart>
      </xsl:if>
      <xsl:call-template name="comment-start"/>
      <xsl:if test="@num">
        <xsl:call-template name="tracked">
          <xsl:with-param name="how" select="$how"/>
          <xsl:with-param name="text" select="concat(@num, ' ')"/>
          <xsl:with-param name="style" select="'HeadingNumber'"/>
          <xsl:with-param name="k" select="1"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="s:text">
        <xsl:with-param name="k" select="2"/>
      </xsl:apply-templates>
      <xsl:call-template name="comment-end"/>
      <xsl:if test="@ref"><w:bookmarkEnd w:id="{$bm}"/></xsl:if>
    </w:p>
  </xsl:template>

  <xsl:template match="s:unit[@kind = 'requirement']">
    <xsl:variable name="how"><xsl:call-template name="how"/></xsl:variable>
    <xsl:variable name="bm"><xsl:call-template name="rev-id"/></xsl:variable>
    <w:p>
      <xsl:call-template name="unit-ppr">
        <xsl:with-param name="style" select="'RequirementHead'"/>
        <xsl:with-param name="how" select="$how"/>
        <xsl:with-param name="k" select="5"/>
      </xsl:call-template>
      <w:bookmarkStart w:id="{$bm}">
        <xsl:attribute name="w:name"><xsl:call-template name="unit-anchor"/></xsl:attribute>
      </w:bookmarkStart>
      <xsl:call-template name="comment-start"/>
      <xsl:call-template name="tracked">
        <xsl:with-param name="how" select="$how"/>
        <xsl:with-param name="text" select="concat('Krav', substring(concat(' ', @num), 1, string-length(@num) + 1))"/>
        <xsl:with-param name="b" select="true()"/>
        <xsl:with-param name="k" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="tracked">
        <xsl:with-param name="how" select="$how"/>
        <xsl:with-param name="text" select="concat(' · ', @ref)"/>
        <xsl:with-param name="k" select="2"/>
      </xsl:call-template>
      <xsl:call-template name="comment-end"/>
      <w:bookmarkEnd w:id="{$bm}"/>
    </w:p>
    <w:p>
      <xsl:call-template name="unit-ppr">
        <xsl:with-param name="style" select="'Requirement'"/>
        <xsl:with-param name="how" select="$how"/>
        <xsl:with-param name="k" select="6"/>
      </xsl:call-template>
      <xsl:apply-templates select="s:text"><xsl:with-param name="k" select="3"/></xsl:apply-templates>
    </w:p>
    <w:p>
      <xsl:call-template name="unit-ppr">
        <xsl:with-param name="style" select="'RequirementMeta'"/>
        <xsl:with-param name="how" select="$how"/>
      </xsl:call-template>
      <xsl:call-template name="tracked">
        <xsl:with-param name="how" select="$how"/>
        <xsl:with-param name="text" select="'Ansvarig: '"/>
        <xsl:with-param name="k" select="4"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="@old-role">
          <xsl:call-template name="tracked">
            <xsl:with-param name="how" select="'del'"/>
            <xsl:with-param name="text"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@old-role"/></xsl:call-template><xsl:text> </xsl:text></xsl:with-param>
            <xsl:with-param name="k" select="5"/>
          </xsl:call-template>
          <xsl:call-template name="tracked">
            <xsl:with-param name="how" select="'ins'"/>
            <xsl:with-param name="text"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="k" select="6"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tracked">
            <xsl:with-param name="how" select="$how"/>
            <xsl:with-param name="text"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="k" select="5"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </w:p>
  </xsl:template>

  <!-- Prose paragraphs, list items (as bullets) and terms. -->
  <xsl:template match="s:unit">
    <xsl:variable name="how"><xsl:call-template name="how"/></xsl:variable>
    <w:p>
      <xsl:call-template name="unit-ppr">
        <xsl:with-param name="style">
          <xsl:if test="@item = 'yes'">ListBullet</xsl:if>
        </xsl:with-param>
        <xsl:with-param name="how" select="$how"/>
        <xsl:with-param name="num" select="@item = 'yes'"/>
      </xsl:call-template>
      <xsl:call-template name="comment-start"/>
      <xsl:apply-templates select="s:text"><xsl:with-param name="k" select="1"/></xsl:apply-templates>
      <xsl:call-template name="comment-end"/>
    </w:p>
  </xsl:template>

  <!-- A unit's text: wholly inserted or deleted with the unit, or word by word. -->
  <xsl:template match="s:text">
    <xsl:param name="k" select="1"/>
    <xsl:variable name="how">
      <xsl:for-each select=".."><xsl:call-template name="how"/></xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$how != ''">
        <xsl:for-each select="..">
          <xsl:call-template name="tracked">
            <xsl:with-param name="how" select="$how"/>
            <xsl:with-param name="text" select="string(s:text)"/>
            <xsl:with-param name="k" select="$k"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:text/text()">
    <xsl:call-template name="run"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="s:ins">
    <xsl:call-template name="tracked">
      <xsl:with-param name="how" select="'ins'"/>
      <xsl:with-param name="text" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="s:del">
    <xsl:call-template name="tracked">
      <xsl:with-param name="how" select="'del'"/>
      <xsl:with-param name="text" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
