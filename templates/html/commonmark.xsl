<?xml version="1.0" encoding="UTF-8"?>
<!--
  commonmark.xsl - the Markdown prose (cmark's tree in the CommonMark
  namespace, spliced in by styrdok) as HTML.  Raw HTML nodes never reach
  this point; links pass the allow-list once more here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="md">

  <xsl:template match="md:document"><xsl:apply-templates/></xsl:template>

  <xsl:template match="md:paragraph">
    <xsl:choose>
      <!-- Tight list items hold their text without <p>, as cmark renders them. -->
      <xsl:when test="parent::md:item/parent::md:list[@tight = 'true']"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="md:heading">
    <p class="md-heading"><strong><xsl:apply-templates/></strong></p>
  </xsl:template>

  <xsl:template match="md:list[@type = 'ordered']">
    <ol>
      <xsl:if test="@start and @start != '1'"><xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </ol>
  </xsl:template>
  <xsl:template match="md:list"><ul><xsl:apply-templates/></ul></xsl:template>
  <xsl:template match="md:item"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="md:block_quote"><blockquote><xsl:apply-templates/></blockquote></xsl:template>
  <xsl:template match="md:code_block"><pre><code><xsl:value-of select="."/></code></pre></xsl:template>
  <xsl:template match="md:thematic_break"><hr/></xsl:template>
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
