<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  commonmark.xsl - the Markdown prose (cmark's tree in the CommonMark
  namespace, spliced in by styrdok) as HTML.  Raw HTML nodes never reach
  this point; links pass the allow-list once more here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    exclude-result-prefixes="md c">

  <xsl:import href="../common/redline.xsl"/>

  <!-- ===== Redline marks (see common/redline.xsl) ===== -->

  <!-- data-change on a block's element, for the margin bar and the colours. -->
  <xsl:template name="chg">
    <xsl:if test="@c:change">
      <xsl:attribute name="data-change"><xsl:value-of select="@c:change"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The words at the start of a marked block: seen on sections, heard on all. -->
  <xsl:template name="chg-note">
    <xsl:param name="seen" select="false()"/>
    <xsl:if test="@c:change">
      <span>
        <xsl:attribute name="class">
          <xsl:choose>
            <xsl:when test="$seen">change-note</xsl:when>
            <xsl:otherwise>visually-hidden</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="change-note"/>
        <xsl:text>: </xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <!--
    The hidden label starts with a space: a deleted word and the word
    inserted after it, or a word before them, never read as one
    ("nämnd infogat: styrelse", not "nämndinfogat:").
  -->
  <xsl:template match="c:ins">
    <ins><span class="visually-hidden"> infogat: </span><xsl:apply-templates/></ins>
  </xsl:template>
  <xsl:template match="c:del">
    <del><span class="visually-hidden"> borttaget: </span><xsl:apply-templates/></del>
  </xsl:template>


  <xsl:template match="md:document"><xsl:apply-templates/></xsl:template>

  <xsl:template match="md:paragraph">
    <xsl:choose>
      <!-- Tight list items hold their text without <p>, as cmark renders them. -->
      <xsl:when test="parent::md:item/parent::md:list[@tight = 'true']">
        <xsl:call-template name="chg-note"/>
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="chg"/><xsl:call-template name="chg-note"/><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:heading">
    <p class="md-heading"><xsl:call-template name="chg"/><xsl:call-template name="chg-note"/><strong><xsl:apply-templates/></strong></p>
  </xsl:template>

  <xsl:template match="md:list[@type = 'ordered']">
    <ol>
      <xsl:call-template name="chg"/>
      <xsl:if test="@start and @start != '1'"><xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </ol>
  </xsl:template>
  <xsl:template match="md:list"><ul><xsl:call-template name="chg"/><xsl:apply-templates/></ul></xsl:template>
  <xsl:template match="md:item"><li><xsl:call-template name="chg"/><xsl:call-template name="chg-note"/><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="md:block_quote"><blockquote><xsl:call-template name="chg"/><xsl:call-template name="chg-note"/><xsl:apply-templates/></blockquote></xsl:template>
  <xsl:template match="md:code_block"><pre><xsl:call-template name="chg"/><code><xsl:apply-templates/></code></pre></xsl:template>
  <xsl:template match="md:thematic_break"><hr><xsl:call-template name="chg"/></hr></xsl:template>
  <xsl:template match="md:text"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="md:softbreak"><xsl:text>&#10;</xsl:text></xsl:template>
  <xsl:template match="md:linebreak"><br/></xsl:template>
  <xsl:template match="md:code"><code><xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="md:emph"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="md:strong"><strong><xsl:apply-templates/></strong></xsl:template>

  <xsl:template match="md:link">
    <xsl:variable name="ok">
      <xsl:call-template name="link-allowed"><xsl:with-param name="url" select="@destination"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ok = '1'">
        <a href="{@destination}">
          <xsl:if test="@title != ''"><xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="link-removed"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anything else cmark might produce is shown as text, never as markup. -->
  <xsl:template match="md:*"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
