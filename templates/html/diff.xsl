<?xml version="1.0" encoding="UTF-8"?>
<!--
  diff.xsl - the HTML redline: a summary table "Ändringar jämfört med
  gällande version", then the new version's text with insertions
  underlined, deletions struck through (with words for screen readers,
  so colour is never the only sign) and a change bar beside every changed
  part.  Built from the <diff> marks styrdok adds to the tree.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="diff" select="/s:project/s:diff[@doc = $doc][last()]"/>

  <xsl:template match="/">
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat('Ändringar i ', $diff/@title)"/>
      <xsl:with-param name="kind" select="'Jämförelse'"/>
      <xsl:with-param name="stamp" select="concat($doc, ' · version ', $diff/@version)"/>
      <xsl:with-param name="content">
        <p>Jämförelsen visar <strong><xsl:value-of select="$diff/@new"/></strong> mot <strong><xsl:value-of select="$diff/@old"/></strong>. <span class="ins-sample">Understruken text</span> är ny, <span class="del-sample">genomstruken text</span> är borttagen, och ett streck i marginalen visar varje ändrat stycke.</p>
        <section aria-labelledby="styrdok-changes">
          <h2 id="styrdok-changes">Ändringar jämfört med gällande version</h2>
          <xsl:choose>
            <xsl:when test="$diff/@equal = 'yes'"><p>Versionerna har samma innehåll.</p></xsl:when>
            <xsl:otherwise>
              <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
                <table>
                <caption>Sammanfattning av ändringarna</caption>
                <thead><tr><th scope="col">Ändring</th><th scope="col">Vad</th></tr></thead>
                <tbody>
                  <xsl:for-each select="$diff/s:summary/s:meta">
                    <tr><th scope="row">Uppgift ändrad</th><td><xsl:value-of select="concat(@label, ': ', @old, ' → ', @new)"/></td></tr>
                  </xsl:for-each>
                  <xsl:for-each select="$diff/s:summary/s:change">
                    <tr>
                      <th scope="row">
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
                      </th>
                      <td>
                        <xsl:choose>
                          <xsl:when test="@kind = 'prose-changed' and . = 1">Ändrad på 1 ställe, markerat nedan.</xsl:when>
                          <xsl:when test="@kind = 'prose-changed'">Ändrad på <xsl:value-of select="."/> ställen, markerade nedan.</xsl:when>
                          <xsl:when test="@ref"><a href="#diff-{@ref}"><xsl:value-of select="."/></a></xsl:when>
                          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                        </xsl:choose>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
                </table>
              </div>
            </xsl:otherwise>
          </xsl:choose>
        </section>
        <section aria-labelledby="styrdok-redline">
          <h2 id="styrdok-redline">Texten med ändringarna markerade</h2>
          <xsl:apply-templates select="$diff/s:units/s:unit"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="mark-class">
    <xsl:attribute name="class">
      <xsl:text>unit</xsl:text>
      <xsl:if test="@change != 'same'"> changed-unit</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="change-note">
    <xsl:choose>
      <xsl:when test="@change = 'added'"><span class="change-note">Nytt: </span></xsl:when>
      <xsl:when test="@change = 'removed'"><span class="change-note">Borttaget: </span></xsl:when>
      <xsl:when test="@change = 'moved'"><span class="change-note">Flyttat hit: </span></xsl:when>
      <xsl:when test="@change = 'moved-away'"><span class="change-note">Flyttat härifrån: </span></xsl:when>
      <xsl:when test="@change = 'changed'"><span class="change-note visually-hidden">Ändrat: </span></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Headings keep the document's levels: h3 below the two h2 above. -->
  <xsl:template match="s:unit[@kind = 'heading']">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@level + 1 > 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="@level + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="id">diff-<xsl:value-of select="@ref"/><xsl:if test="@change = 'moved-away' or @change = 'removed'">-old</xsl:if></xsl:attribute>
      <xsl:call-template name="mark-class"/>
      <xsl:call-template name="change-note"/>
      <span class="num"><xsl:value-of select="@num"/></span>
      <xsl:apply-templates select="s:text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="s:unit[@kind = 'requirement']">
    <div id="diff-{@ref}">
      <xsl:attribute name="class">req<xsl:if test="@change != 'same'"> changed-unit</xsl:if></xsl:attribute>
      <p class="req-head"><xsl:call-template name="change-note"/><span class="req-num">Krav<xsl:if test="@num"><xsl:text> </xsl:text><xsl:value-of select="@num"/></xsl:if></span> · <xsl:value-of select="@ref"/></p>
      <p class="req-text"><xsl:apply-templates select="s:text"/></p>
      <p class="req-meta">
        <xsl:text>Ansvarig: </xsl:text>
        <xsl:if test="@old-role">
          <del><span class="visually-hidden">borttaget: </span><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@old-role"/></xsl:call-template></del>
          <xsl:text> </xsl:text>
          <ins><span class="visually-hidden">infogat: </span><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></ins>
        </xsl:if>
        <xsl:if test="not(@old-role)"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></xsl:if>
      </p>
    </div>
  </xsl:template>

  <xsl:template match="s:unit">
    <p>
      <xsl:call-template name="mark-class"/>
      <xsl:call-template name="change-note"/>
      <xsl:if test="@item = 'yes'">• </xsl:if>
      <xsl:apply-templates select="s:text"/>
    </p>
  </xsl:template>

  <xsl:template match="s:text">
    <xsl:choose>
      <xsl:when test="../@change = 'added'"><ins><span class="visually-hidden">infogat: </span><xsl:value-of select="."/></ins></xsl:when>
      <xsl:when test="../@change = 'removed'"><del><span class="visually-hidden">borttaget: </span><xsl:value-of select="."/></del></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="s:ins"><ins><span class="visually-hidden">infogat: </span><xsl:value-of select="."/></ins></xsl:template>
  <xsl:template match="s:del"><del><span class="visually-hidden">borttaget: </span><xsl:value-of select="."/></del></xsl:template>
</xsl:stylesheet>
