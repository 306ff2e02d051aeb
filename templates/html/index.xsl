<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  index.xsl - output/index.html: every document with type, version,
  status, adopting organ and review date, linked to its outputs; the
  documents the governing documents require that do not exist yet; and
  the adoptions withdrawn as registered in error.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s exsl">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="css.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="documents" select="/s:project/s:source/s:document"/>
  <xsl:variable name="missing"
      select="$documents/s:meta/s:requires[not(@doc = $documents/@id)]"/>

  <!--
    Links to the other formats of the page at $base (its path without
    suffix) that the build wrote or that are in the output directory:
    the build lists them in /s:project/@outputs.  Inline, after a
    register's or the report's line, they follow " · ".
  -->
  <xsl:variable name="outputs" select="string(/s:project/@outputs)"/>
  <xsl:template name="other-formats">
    <xsl:param name="base"/>
    <xsl:param name="title"/>
    <xsl:param name="inline" select="0"/>
    <xsl:variable name="md" select="contains($outputs, concat(' ', $base, '.md '))"/>
    <xsl:variable name="pdf" select="contains($outputs, concat(' ', $base, '.pdf '))"/>
    <xsl:variable name="docx" select="contains($outputs, concat(' ', $base, '.docx '))"/>
    <xsl:variable name="odt" select="contains($outputs, concat(' ', $base, '.odt '))"/>
    <xsl:variable name="json" select="contains($outputs, concat(' ', $base, '.json '))"/>
    <xsl:if test="$md">
      <xsl:if test="$inline = 1"> · </xsl:if>
      <a href="{$base}.md">Markdown<span class="visually-hidden"> – <xsl:value-of select="$title"/></span></a>
    </xsl:if>
    <xsl:if test="$pdf">
      <xsl:if test="$inline = 1 or $md"> · </xsl:if>
      <a href="{$base}.pdf">PDF<span class="visually-hidden"> – <xsl:value-of select="$title"/></span></a>
    </xsl:if>
    <xsl:if test="$docx">
      <xsl:if test="$inline = 1 or $md or $pdf"> · </xsl:if>
      <a href="{$base}.docx">Word<span class="visually-hidden"> – <xsl:value-of select="$title"/></span></a>
    </xsl:if>
    <xsl:if test="$odt">
      <xsl:if test="$inline = 1 or $md or $pdf or $docx"> · </xsl:if>
      <a href="{$base}.odt">OpenDocument<span class="visually-hidden"> – <xsl:value-of select="$title"/></span></a>
    </xsl:if>
    <xsl:if test="$json">
      <xsl:if test="$inline = 1 or $md or $pdf or $docx or $odt"> · </xsl:if>
      <a href="{$base}.json">JSON<span class="visually-hidden"> – <xsl:value-of select="$title"/></span></a>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/">
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Styrdokument för informationssäkerhet – <xsl:value-of select="$org-name"/></title>
        <meta name="author" content="{$org-name}"/>
        <style>
          <xsl:call-template name="css">
            <xsl:with-param name="furniture" select="'styrdok index'"/>
          </xsl:call-template>
        </style>
      </head>
      <body>
        <a class="skip" href="#styrdok-main">Till innehållet</a>
        <header class="masthead">
          <xsl:call-template name="org-line"/>
          <p class="doctype">Styrdokument</p>
        </header>
        <main id="styrdok-main" class="wide-main">
          <xsl:variable name="content">
            <xsl:call-template name="h1"><xsl:with-param name="text" select="'Styrdokument för informationssäkerhet'"/></xsl:call-template>
            <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
              <table>
              <caption>Alla dokument, med version, status och när de senast ska revideras</caption>
              <thead>
                <tr>
                  <th scope="col">Dokument</th>
                  <th scope="col">Typ</th>
                  <th scope="col">Version</th>
                  <th scope="col">Status</th>
                  <th scope="col">Fastställs av</th>
                  <th scope="col">Revideras senast</th>
                  <th scope="col">Andra format</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$documents">
                  <xsl:variable name="base" select="concat(@id, '/', s:meta/s:version, '/', @id)"/>
                  <tr>
                    <th scope="row"><a href="{$base}.html"><xsl:value-of select="s:meta/s:title"/></a></th>
                    <td><xsl:call-template name="type-name"><xsl:with-param name="key" select="@type"/></xsl:call-template></td>
                    <td><xsl:value-of select="s:meta/s:version"/></td>
                    <td><xsl:call-template name="status-name"><xsl:with-param name="key" select="s:meta/s:status"/></xsl:call-template></td>
                    <td>
                      <xsl:for-each select="s:meta/s:decision">
                        <xsl:call-template name="name-of"><xsl:with-param name="ref" select="@organ"/></xsl:call-template>
                        <xsl:if test="@date">, <xsl:call-template name="decision-ref"/></xsl:if>
                      </xsl:for-each>
                    </td>
                    <td><xsl:value-of select="s:meta/s:review-by"/></td>
                    <td>
                      <xsl:call-template name="other-formats">
                        <xsl:with-param name="base" select="$base"/>
                        <xsl:with-param name="title" select="s:meta/s:title"/>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
              </table>
            </div>
            <xsl:if test="$systems or $analyses or $plans or /s:project/s:source/s:audit">
              <h2>Register och rapport</h2>
              <ul>
                <xsl:for-each select="/s:project/s:source/s:systems">
                  <li><a href="register/{@id}.html"><xsl:value-of select="s:title"/></a> (uppdaterad <xsl:value-of select="s:updated"/>)<xsl:call-template name="other-formats"><xsl:with-param name="base" select="concat('register/', @id)"/><xsl:with-param name="title" select="s:title"/><xsl:with-param name="inline" select="1"/></xsl:call-template></li>
                </xsl:for-each>
                <xsl:if test="$analyses"><li><a href="register/riskanalyser.html">Risk- och sårbarhetsanalyser</a> (<xsl:value-of select="count($analyses)"/>)<xsl:call-template name="other-formats"><xsl:with-param name="base" select="'register/riskanalyser'"/><xsl:with-param name="title" select="'Risk- och sårbarhetsanalyser'"/><xsl:with-param name="inline" select="1"/></xsl:call-template></li></xsl:if>
                <xsl:if test="$plans"><li><a href="register/kontinuitetsplaner.html">Kontinuitetsplaner</a> (<xsl:value-of select="count($plans)"/>)<xsl:call-template name="other-formats"><xsl:with-param name="base" select="'register/kontinuitetsplaner'"/><xsl:with-param name="title" select="'Kontinuitetsplaner'"/><xsl:with-param name="inline" select="1"/></xsl:call-template></li></xsl:if>
                <li><a href="report/report.html">Rapport: läget för informationssäkerheten</a> (<xsl:call-template name="count-noun"><xsl:with-param name="n" select="count(/s:project/s:source//s:gap)"/><xsl:with-param name="one" select="'brist'"/><xsl:with-param name="many" select="'brister'"/></xsl:call-template> per <xsl:value-of select="/s:project/@as-of"/>)<xsl:call-template name="other-formats"><xsl:with-param name="base" select="'report/report'"/><xsl:with-param name="title" select="'Rapport'"/><xsl:with-param name="inline" select="1"/></xsl:call-template></li>
              </ul>
            </xsl:if>
            <xsl:if test="$missing">
              <h2>Dokument som saknas</h2>
              <p>Dessa dokument krävs av ett styrdokument men finns ännu inte:</p>
              <ul>
                <xsl:for-each select="$missing">
                  <li>
                    <span class="gap"><xsl:value-of select="normalize-space(.)"/></span>
                    <xsl:text> (</xsl:text>
                    <xsl:call-template name="type-name"><xsl:with-param name="key" select="@type"/></xsl:call-template>
                    <xsl:text>), krävs av </xsl:text>
                    <xsl:value-of select="../s:title"/>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
            <xsl:if test="/s:project/s:withdrawal">
              <h2>Återkallade beslut</h2>
              <p>Dessa beslut registrerades av misstag och har återkallats. Det arkiverade exemplaret finns kvar oförändrat, med en uppgift om vem som återkallade beslutet, när och varför.</p>
              <ul>
                <xsl:for-each select="/s:project/s:withdrawal">
                  <xsl:variable name="doc" select="$documents[@id = current()/@doc]"/>
                  <li>
                    <xsl:choose>
                      <xsl:when test="$doc"><xsl:value-of select="$doc/s:meta/s:title"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@doc"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:text>, version </xsl:text><xsl:value-of select="@version"/>
                    <xsl:text>: beslutet </xsl:text><xsl:value-of select="@decision"/>
                    <xsl:text> återkallades </xsl:text><xsl:value-of select="@date"/>
                    <xsl:text> av </xsl:text><xsl:value-of select="@by"/>
                    <xsl:text>. Skäl: </xsl:text><xsl:value-of select="@reason"/>
                    <xsl:text> (arkiv: </xsl:text><xsl:value-of select="@archive"/><xsl:text>)</xsl:text>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </xsl:variable>
          <!-- Tables scroll in a wrapper, dates stay on one line (css.xsl). -->
          <xsl:apply-templates select="exsl:node-set($content)/node()" mode="wrap-tables"/>
        </main>
        <footer class="page-footer">
          <p><xsl:value-of select="$org-name"/> · <xsl:value-of select="count($documents)"/> dokument</p>
          <xsl:if test="/s:project/@build-date">
            <p>Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</p>
          </xsl:if>
          <xsl:call-template name="profile-footer"/>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
