<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  css.xsl - the embedded style sheet of every HTML page, screen and print
  (A4, "Sida x (y)", page furniture from @page margin boxes).  The HTML
  serialiser writes <style> content unescaped, so every value from the
  tree passes through the "only" filter of common.xsl first.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s">

  <xsl:template name="colour">
    <xsl:param name="c"/>
    <xsl:call-template name="only">
      <xsl:with-param name="s" select="$c"/>
      <xsl:with-param name="allowed" select="'#0123456789abcdefABCDEF'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    The masthead's name, after the profile's logo when it has one: an
    image of data (no file beside the page), with its text alternative.
  -->
  <xsl:template name="org-line">
    <p class="org">
      <xsl:if test="$logo">
        <img class="logo" src="{$logo-uri}" alt="{$logo/@alt}"/>
      </xsl:if>
      <xsl:value-of select="$org-name"/>
    </p>
  </xsl:template>

  <!--
    A page's content as its stylesheet built it (mode wrap-tables), made
    fit for narrow screens: each table not already in a scroll wrapper
    put in one, so a wide table scrolls sideways instead of breaking its
    words or the page, and each date and time in a cell kept on one
    line (Chromium breaks "2026-09-30" after a hyphen, "08.00–16.30"
    after the dash).
  -->
  <xsl:template match="node() | @*" mode="wrap-tables">
    <xsl:copy><xsl:apply-templates select="node() | @*" mode="wrap-tables"/></xsl:copy>
  </xsl:template>
  <!--
    The test is inside the template, not in the match pattern: libxslt
    evaluates a pattern's predicates by walking the whole tree for every
    table, which is quadratic in a register of thousands of systems.
  -->
  <xsl:template match="table" mode="wrap-tables">
    <xsl:choose>
      <xsl:when test="ancestor::table or parent::div[contains(concat(' ', @class, ' '), ' wide ')]">
        <xsl:copy><xsl:apply-templates select="node() | @*" mode="wrap-tables"/></xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
          <xsl:copy><xsl:apply-templates select="node() | @*" mode="wrap-tables"/></xsl:copy>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="td//text() | th//text()" mode="wrap-tables">
    <xsl:variable name="d" select="translate(., '0123456789', '##########')"/>
    <xsl:choose>
      <!-- Only a text with a date or a time is walked word by word. -->
      <xsl:when test="contains($d, '####-##-##') or contains($d, '##.##')">
        <xsl:call-template name="nobr-dates"><xsl:with-param name="s" select="."/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    $s with each word that is or starts with a date (YYYY-MM-DD, also
    after "(") or a time ("08.00–16.30") in a span.nobr.
  -->
  <xsl:template name="nobr-dates">
    <xsl:param name="s"/>
    <xsl:variable name="w">
      <xsl:choose>
        <xsl:when test="contains($s, ' ')"><xsl:value-of select="substring-before($s, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="d" select="translate($w, '0123456789', '##########')"/>
    <xsl:choose>
      <xsl:when test="starts-with($d, '####-##-##') or starts-with($d, '(####-##-##') or starts-with($d, '##.##')"><span class="nobr"><xsl:value-of select="$w"/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$w"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="contains($s, ' ')">
      <xsl:text> </xsl:text>
      <xsl:call-template name="nobr-dates"><xsl:with-param name="s" select="substring-after($s, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The profile's footer text, as the last line of a page's footer. -->
  <xsl:template name="profile-footer">
    <xsl:if test="normalize-space($profile/s:footer) != ''">
      <p class="profile-footer"><xsl:value-of select="normalize-space($profile/s:footer)"/></p>
    </xsl:if>
  </xsl:template>

  <!--
    $furniture: the text of the printed footer (left of "Sida x (y)"),
    already filtered.  Table cells never break inside a word: Swedish is
    hyphenated (pages have lang="sv") and a table wider than a narrow
    screen scrolls in its wrapper (div.wide) instead.
  -->
  <!--
    The page's h1.  Browsers without Swedish hyphenation patterns (Debian's
    Chromium has none) would break a long compound such as
    "Informationssäkerhetsinstruktion" inside the word on a phone, so the
    title's longest word, in characters, goes to the style sheet as the
    custom property "longest", which caps the size on narrow screens so
    that word fits on a line.
  -->
  <xsl:template name="h1">
    <xsl:param name="text"/>
    <xsl:variable name="longest">
      <xsl:for-each select="str:tokenize(string($text), ' -/')">
        <xsl:sort select="string-length(.)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(.)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <h1>
      <xsl:if test="number($longest) > 12"><xsl:attribute name="style">--longest: <xsl:value-of select="$longest"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </h1>
  </xsl:template>

  <xsl:template name="css">
    <xsl:param name="furniture"/>
    <xsl:variable name="c" select="$profile/s:colours"/>
    <xsl:variable name="primary"><xsl:call-template name="colour"><xsl:with-param name="c" select="$c/@primary"/></xsl:call-template></xsl:variable>
    <xsl:variable name="accent"><xsl:call-template name="colour"><xsl:with-param name="c" select="$c/@accent"/></xsl:call-template></xsl:variable>
    <xsl:variable name="draft"><xsl:call-template name="colour"><xsl:with-param name="c" select="$c/@draft"/></xsl:call-template></xsl:variable>
    <xsl:variable name="text"><xsl:call-template name="colour"><xsl:with-param name="c" select="$c/@text"/></xsl:call-template></xsl:variable>
    <xsl:variable name="muted"><xsl:call-template name="colour"><xsl:with-param name="c" select="$c/@muted"/></xsl:call-template></xsl:variable>
    <xsl:variable name="rule"><xsl:call-template name="colour"><xsl:with-param name="c" select="$c/@rule"/></xsl:call-template></xsl:variable>
    <xsl:variable name="font">
      <xsl:call-template name="only">
        <xsl:with-param name="s" select="$profile/s:font/@family"/>
        <xsl:with-param name="allowed" select="concat('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', &quot; ',-&quot;)"/>
      </xsl:call-template>
    </xsl:variable>
<xsl:text>
:root { --primary: </xsl:text><xsl:value-of select="$primary"/><xsl:text>; --accent: </xsl:text><xsl:value-of select="$accent"/><xsl:text>;
  --draft: </xsl:text><xsl:value-of select="$draft"/><xsl:text>; --text: </xsl:text><xsl:value-of select="$text"/><xsl:text>;
  --muted: </xsl:text><xsl:value-of select="$muted"/><xsl:text>; --rule: </xsl:text><xsl:value-of select="$rule"/><xsl:text>; }
* { box-sizing: border-box; }
html { font-family: </xsl:text><xsl:value-of select="$font"/><xsl:text>; color: var(--text); background: #fff; line-height: 1.5; }
body { margin: 0; overflow-wrap: break-word; }
.skip { position: absolute; left: -10000px; top: 0; background: #fff; color: var(--primary); padding: .5em 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip:focus { left: 1em; z-index: 10; }
.masthead { border-bottom: 4px solid var(--primary); padding: 1.2rem 1.5rem .8rem; display: flex; flex-wrap: wrap; justify-content: space-between; gap: .3rem 2rem; }
.masthead p { margin: 0; }
.masthead .org { font-size: 1.35rem; font-weight: bold; color: var(--primary); letter-spacing: .02em; }
</xsl:text><xsl:if test="$logo"><xsl:text>.masthead .logo { display: block; height: 15mm; width: auto; max-width: 60mm; margin-bottom: .3rem; }
</xsl:text></xsl:if><xsl:text>.masthead .doctype { font-size: 1rem; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; }
.stamp { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: .8rem; color: var(--muted); }
.masthead .stamp { font-family: inherit; }
.draft-mark { margin: 0; padding: .5rem 1.5rem; background: #fdecee; color: var(--draft); font-weight: bold; letter-spacing: .03em; border-bottom: 1px solid var(--draft); }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main.wide-main { max-width: 72rem; }
h1 { font-size: 2rem; line-height: 1.2; color: var(--primary); margin: 1.5rem 0 1rem; hyphens: auto; -webkit-hyphens: auto; }
h2 { font-size: 1.4rem; color: var(--primary); margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
h4, h5 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
.num { color: var(--muted); margin-right: .5em; font-variant-numeric: tabular-nums; }
a { color: var(--primary); }
table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .95rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: normal; hyphens: auto; -webkit-hyphens: auto; }
thead th { background: #eef3f8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.wide { overflow-x: auto; position: relative; max-width: 100%; }
.doc-id-note { font-size: .8rem; color: var(--muted); }
.nobr { white-space: nowrap; }
td code { overflow-wrap: anywhere; }
.raci td { text-align: center; font-weight: bold; }
.sign td { height: 2.6rem; width: 66%; }
.ack { margin-top: 3rem; }
.sheet { margin: 2rem 0; padding-top: 1rem; border-top: 1px solid var(--rule); }
.sheet .org { font-weight: bold; color: var(--primary); margin: 0; }
ins, .ins-sample { color: #0b5d1e; background: #e6f4ea; text-decoration: underline; text-decoration-thickness: 2px; }
del, .del-sample { color: #8a1c1c; background: #fbeaea; text-decoration: line-through; }
[data-change] { border-left: 4px solid var(--accent); padding-left: .6rem; margin-left: -1rem; }
[data-change] [data-change] { border-left: 0; padding-left: 0; margin-left: 0; }
li[data-change], dt[data-change], dd[data-change], .req[data-change] { margin-left: 0; padding-left: .5rem; }
[data-change="inserted"] { color: #0b5d1e; text-decoration: underline; border-left-color: #0b5d1e; }
[data-change="deleted"], [data-change="moved-away"] { color: #8a1c1c; text-decoration: line-through; border-left-color: #8a1c1c; }
.change-note { font-weight: bold; color: var(--accent); text-decoration: none; margin-right: .4em; }
.matrix td { text-align: center; }
.cell-high { background: #fde7e9; font-weight: bold; }
.cell-low { background: #eef6ee; }
.cell-value { color: var(--muted); font-size: .8rem; margin-right: .3rem; }
.gaps { margin: .4rem 0 1rem; padding-left: 1.2rem; }
.docinfo th { width: 34%; background: #f5f7fa; font-weight: bold; }
.toc ol { list-style: none; padding-left: 0; }
.toc ol ol { padding-left: 1.6rem; }
.toc li { margin: .15rem 0; }
.req { border-left: 4px solid var(--primary); background: #f4f7fb; padding: .5rem .9rem; margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.req p { margin: .3rem 0; }
.req-head { font-size: .85rem; color: var(--muted); }
.req-head .req-num { font-weight: bold; color: var(--primary); font-size: .95rem; }
.req-text { font-weight: bold; }
.req-meta { font-size: .85rem; color: var(--muted); }
dl.terms dt { font-weight: bold; margin-top: .6rem; }
dl.terms dd { margin: .1rem 0 0 1.5rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
code, pre { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: .9em; }
pre { white-space: pre-wrap; background: #f5f5f5; padding: .6rem; }
.gap { color: var(--draft); font-weight: bold; }
.page-footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding: .8rem 1.5rem 1.5rem; font-size: .8rem; color: var(--muted); }
.page-footer p { margin: .2rem 0; }
@media (max-width: 30rem) {
  main { padding: .5rem .8rem 2rem; }
  h1 { font-size: min(1.5rem, calc((100vw - 1.8rem) / (var(--longest, 1) * .62))); }
  h2 { font-size: 1.2rem; }
  h3 { font-size: 1.05rem; }
  table { font-size: .85rem; }
  .docinfo th, .docinfo td { display: block; width: auto; border-bottom: 0; }
  .docinfo tr { border-bottom: 1px solid var(--rule); display: block; }
}
@media (max-width: 22rem) {
  /* A sheet's filled-in unit ("Kommunledningsförvaltningen") may break on the narrowest screens. */
  .sign td { overflow-wrap: anywhere; }
}
@page {
  size: A4;
  margin: 20mm 18mm 20mm 20mm;
  @bottom-left { content: "</xsl:text><xsl:value-of select="$furniture"/><xsl:text>"; font-size: 7.5pt; color: #4d4d4d; }
  @bottom-right { content: "Sida " counter(page) " (" counter(pages) ")"; font-size: 8pt; color: #4d4d4d; }
}
@media print {
  html { font-size: 10.5pt; }
  .skip { display: none; }
  main { max-width: none; padding: 0; }
  .masthead { padding: 0 0 .4rem; }
  h1 { margin-top: .6rem; }
  a { color: inherit; text-decoration: none; }
  .page-footer { padding: .4rem 0 0; }
  .draft-mark { background: none; padding: .2rem 0; }
  .ack { break-before: page; page-break-before: always; margin-top: 0; }
  .bilaga { break-before: page; page-break-before: always; }
  .signature { break-before: avoid; page-break-before: avoid; break-inside: avoid; }
  table.matrix, .docinfo table { break-inside: avoid; page-break-inside: avoid; }
  .screen-only { display: none; }
  .sheet { break-after: page; page-break-after: always; break-inside: avoid; margin: 0; border: 0; padding: 0; }
  .sheet:last-child { break-after: auto; page-break-after: auto; }
  body.draft::after { content: "UTKAST"; position: fixed; top: 40%; left: 0; right: 0; text-align: center;
    font-size: 96pt; font-weight: bold; color: rgba(176, 0, 32, .10); transform: rotate(-35deg); z-index: -1; }
}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
