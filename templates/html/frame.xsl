<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  frame.xsl - the page around every HTML output that is not a governing
  document (registers, report): head, masthead, skip link, main, footer,
  with the same embedded style as the documents.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s exsl">

  <xsl:import href="css.xsl"/>

  <!--
    $title: the h1 and <title>; $kind: the masthead label; $stamp: the
    running footer (filtered for CSS here: letters, digits, ".-·()" and
    spaces, nothing that could end a CSS string); $content: the page body.
  -->
  <xsl:template name="frame">
    <xsl:param name="title"/>
    <xsl:param name="kind"/>
    <xsl:param name="stamp"/>
    <xsl:param name="content"/>
    <xsl:variable name="safe-stamp">
      <xsl:call-template name="only">
        <xsl:with-param name="s" select="$stamp"/>
        <xsl:with-param name="allowed" select="'abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ0123456789.-·() '"/>
      </xsl:call-template>
    </xsl:variable>
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> – <xsl:value-of select="$org-name"/></title>
        <meta name="author" content="{$org-name}"/>
        <style>
          <xsl:call-template name="css">
            <xsl:with-param name="furniture" select="$safe-stamp"/>
          </xsl:call-template>
        </style>
      </head>
      <body>
        <a class="skip" href="#styrdok-main">Till innehållet</a>
        <header class="masthead">
          <xsl:call-template name="org-line"/>
          <p class="doctype"><xsl:value-of select="$kind"/></p>
          <p class="stamp"><xsl:value-of select="$safe-stamp"/></p>
        </header>
        <xsl:if test="$restricted = 'include'">
          <p class="draft-mark">INTERN – innehåller uppgifter som inte ska publiceras</p>
        </xsl:if>
        <main id="styrdok-main" class="wide-main">
          <xsl:call-template name="h1"><xsl:with-param name="text" select="string($title)"/></xsl:call-template>
          <xsl:apply-templates select="exsl:node-set($content)/node()" mode="wrap-tables"/>
        </main>
        <footer class="page-footer">
          <p><xsl:value-of select="$org-name"/> · <xsl:value-of select="$title"/></p>
          <xsl:if test="/s:project/@build-date">
            <!-- The day the page measures from (its "läget per"), where it has one. -->
            <p>Framställd <xsl:value-of select="/s:project/@as-of"/><xsl:if test="not(/s:project/@as-of)"><xsl:value-of select="/s:project/@build-date"/></xsl:if> med styrdok.</p>
          </xsl:if>
          <xsl:call-template name="profile-footer"/>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- A list of the governance gaps recorded on the context node. -->
  <xsl:template name="gaps">
    <xsl:if test="s:gap">
      <ul class="gaps">
        <xsl:for-each select="s:gap">
          <li><span class="gap">Brist:</span><xsl:text> </xsl:text><xsl:call-template name="gap-text"/></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
