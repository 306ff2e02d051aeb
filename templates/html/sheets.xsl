<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  sheets.xsl - one acknowledgement sheet per person (<signing> in the
  tree), each a printed page of its own: the document's title, version,
  decision and content hash, the statement, the person's name, unit,
  title and employee number, and lines for place, date and signature.
  Parameter: doc, the document signed.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="css.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!--
    styrdok renders the sheets in parts, so memory stays flat for any
    number of people: offset numbers this part's sheets, total counts all,
    and the comments around the sheets mark where parts are joined.
  -->
  <xsl:param name="offset" select="0"/>
  <xsl:param name="total" select="count(/s:project/s:signing[@doc = $doc]/s:person)"/>

  <xsl:variable name="ack" select="$document/s:acknowledgement"/>
  <xsl:variable name="people" select="/s:project/s:signing[@doc = $doc]/s:person"/>
  <xsl:variable name="dec" select="$meta/s:decision"/>
  <xsl:variable name="furniture">
    <xsl:call-template name="only"><xsl:with-param name="s" select="$doc"/></xsl:call-template>
    <xsl:text> · version </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$meta/s:version"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$short-hash"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Bekräftelser – <xsl:value-of select="$meta/s:title"/> version <xsl:value-of select="$meta/s:version"/></title>
        <meta name="styrdok:id" content="{$doc}"/>
        <meta name="styrdok:version" content="{$meta/s:version}"/>
        <meta name="styrdok:sha256" content="{$sha256}"/>
        <style>
          <xsl:call-template name="css"><xsl:with-param name="furniture" select="$furniture"/></xsl:call-template>
          <!-- The sheet's data beside its code; the code 30 mm on paper. -->
          <xsl:text>.sheet-head { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 1rem; }
.sheet-head table { flex: 1 1 20rem; width: auto; }
svg.code { flex: none; width: 8rem; height: 8rem; margin-top: 2rem; }
@media print { svg.code { width: 30mm; height: 30mm; } }
</xsl:text>
        </style>
      </head>
      <body>
        <xsl:if test="$is-draft"><xsl:attribute name="class">draft</xsl:attribute></xsl:if>
        <a class="skip" href="#styrdok-main">Till innehållet</a>
        <header class="masthead screen-only">
          <p class="org"><xsl:value-of select="$org-name"/></p>
          <p class="doctype">Bekräftelser</p>
          <p class="stamp"><xsl:value-of select="$furniture"/></p>
        </header>
        <main id="styrdok-main">
          <div class="screen-only">
            <xsl:call-template name="h1"><xsl:with-param name="text" select="concat('Bekräftelser: ', $meta/s:title, ', version ', $meta/s:version)"/></xsl:call-template>
            <p><xsl:value-of select="$total"/> personliga blanketter, en sida per person när de skrivs ut. Dela ut dem med instruktionen, samla in dem underskrivna och för in dem i registret (register.csv).</p>
          </div>
          <xsl:comment>styrdok:sheets</xsl:comment>
          <xsl:for-each select="$people">
            <xsl:variable name="n" select="position() + $offset"/>
            <section class="sheet" aria-labelledby="sheet-{$n}">
              <p class="org"><xsl:value-of select="$org-name"/></p>
              <h2 id="sheet-{$n}"><xsl:value-of select="$ack/s:title"/>: <xsl:value-of select="@name"/></h2>
              <div class="sheet-head">
                <table class="docinfo">
                  <caption>Dokumentet bekräftelsen gäller</caption>
                  <tbody>
                    <tr><th scope="row">Dokument</th><td><xsl:value-of select="$meta/s:title"/></td></tr>
                    <tr><th scope="row">Version</th><td><xsl:value-of select="$meta/s:version"/><xsl:if test="$is-draft"> (utkast)</xsl:if></td></tr>
                    <tr>
                      <th scope="row">Beslut</th>
                      <td>
                        <xsl:choose>
                          <xsl:when test="$dec/@date"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dec/@organ"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$dec/@date"/> § <xsl:value-of select="$dec/@paragraph"/>, dnr <xsl:value-of select="$dec/@dnr"/></xsl:when>
                          <xsl:otherwise>Ej beslutad</xsl:otherwise>
                        </xsl:choose>
                      </td>
                    </tr>
                    <tr><th scope="row">Kontrollsumma</th><td class="stamp"><xsl:value-of select="$short-hash"/></td></tr>
                    <xsl:for-each select="s:qr">
                      <tr><th scope="row">Kod för registrering</th><td><code><xsl:value-of select="@payload"/></code></td></tr>
                    </xsl:for-each>
                  </tbody>
                </table>
                <xsl:apply-templates select="s:qr"><xsl:with-param name="n" select="$n"/></xsl:apply-templates>
              </div>
              <p class="req-text"><xsl:value-of select="$ack/s:statement"/></p>
              <table class="docinfo sign">
                <caption>Medarbetaren</caption>
                <tbody>
                  <tr><th scope="row">Namn</th><td><xsl:value-of select="@name"/></td></tr>
                  <tr><th scope="row">Förvaltning och enhet</th><td><xsl:value-of select="@unit"/></td></tr>
                  <tr><th scope="row">Befattning</th><td><xsl:value-of select="@title"/></td></tr>
                  <tr><th scope="row">Anställningsnummer</th><td><xsl:value-of select="@employee"/></td></tr>
                  <tr><th scope="row">Ort och datum</th><td></td></tr>
                  <tr><th scope="row">Underskrift</th><td></td></tr>
                  <tr><th scope="row">Mottagen av (chef)</th><td></td></tr>
                </tbody>
              </table>
              <p><xsl:value-of select="$ack/s:filing"/></p>
            </section>
          </xsl:for-each>
          <xsl:comment>/styrdok:sheets</xsl:comment>
        </main>
        <footer class="page-footer screen-only">
          <p><xsl:value-of select="$org-name"/> · <xsl:value-of select="$meta/s:title"/> · version <xsl:value-of select="$meta/s:version"/> · kontrollsumma <xsl:value-of select="$short-hash"/></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!--
    The sheet's code: the QR symbol drawn from the runs of dark modules
    styrdok put in the tree (one path, a quiet zone of four modules) with its text
    alternative.  The payload is also in the table beside it, as text a
    person can read and type.
  -->
  <xsl:template match="s:qr">
    <xsl:param name="n"/>
    <xsl:variable name="box" select="@modules + 8"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="code" viewBox="-4 -4 {$box} {$box}" width="{$box * 4}" height="{$box * 4}" role="img" aria-labelledby="code-{$n}">
      <title id="code-{$n}">QR-kod för registrering av bekräftelsen: <xsl:value-of select="$doc"/>, version <xsl:value-of select="$meta/s:version"/>, kontrollsumma <xsl:value-of select="$short-hash"/>, anställningsnummer <xsl:value-of select="../@employee"/></title>
      <rect x="-4" y="-4" width="{$box}" height="{$box}" fill="#fff"/>
      <path fill="#000" shape-rendering="crispEdges" d="{@path}"/>
    </svg>
  </xsl:template>
</xsl:stylesheet>
