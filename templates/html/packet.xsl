<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  packet.xsl - the approval packet of an ärende as one print-ready page:
  the tjänsteskrivelse (förslag till beslut, sammanfattning, bakgrund,
  bedömning, konsekvenser, beslutsunderlag, expedieras till), then each
  bilaga on a new page (its changes against the version in force, or a
  coverage table where the earlier text is not archived, then the
  document itself), and the answers to the auditors measured from the
  sources.  Page furniture carries the diarienummer and the case title.
  Parameter: doc, the case id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s md exsl">

  <xsl:import href="document.xsl"/>
  <xsl:import href="report.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- The documents' own headings go one level down, below "Bilaga N". -->
  <xsl:variable name="heading-offset" select="1"/>
  <xsl:variable name="case" select="/s:project/s:source/s:case[@id = $doc]"/>
  <xsl:variable name="stamp">
    <xsl:call-template name="only">
      <xsl:with-param name="s" select="concat($case/s:dnr, ' · ', $case/s:title)"/>
      <xsl:with-param name="allowed" select="concat('abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ0123456789', ' .,/()–-·')"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="concat($case/s:dnr, ' – ', $case/s:title)"/></title>
        <meta name="author" content="{$org-name}"/>
        <style>
          <xsl:call-template name="css"><xsl:with-param name="furniture" select="$stamp"/></xsl:call-template>
        </style>
      </head>
      <body>
        <a class="skip" href="#styrdok-main">Till innehållet</a>
        <header class="masthead">
          <xsl:call-template name="org-line"/>
          <p class="doctype">Tjänsteskrivelse</p>
          <p class="stamp"><xsl:value-of select="$case/s:dnr"/></p>
        </header>
        <xsl:if test="$case/@example = 'yes'">
          <p class="draft-mark">EXEMPEL – diarienummer och handläggare är påhittade</p>
        </xsl:if>
        <main id="styrdok-main">
          <xsl:variable name="content">
            <xsl:call-template name="h1"><xsl:with-param name="text" select="string($case/s:title)"/></xsl:call-template>
            <xsl:call-template name="case-info"/>
            <xsl:call-template name="case-toc"/>
            <xsl:apply-templates select="$case"/>
            <xsl:for-each select="$case/s:attachments/s:attachment">
              <xsl:call-template name="bilaga"><xsl:with-param name="n" select="position()"/></xsl:call-template>
            </xsl:for-each>
            <xsl:for-each select="/s:project/s:source/s:audit[@id = $case/s:answers/@audit]">
              <section class="bilaga" id="packet-answers">
                <xsl:call-template name="audit"/>
              </section>
            </xsl:for-each>
          </xsl:variable>
          <!-- Tables scroll in a wrapper, dates stay on one line (css.xsl). -->
          <xsl:apply-templates select="exsl:node-set($content)/node()" mode="wrap-tables"/>
        </main>
        <footer class="page-footer">
          <p><xsl:value-of select="concat($org-name, ' · ', $case/s:dnr, ' · ', $case/s:title)"/></p>
          <xsl:if test="/s:project/@build-date">
            <p>Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</p>
          </xsl:if>
          <xsl:call-template name="profile-footer"/>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="case-info">
    <table class="docinfo">
      <caption class="visually-hidden">Uppgifter om ärendet</caption>
      <tbody>
        <tr><th scope="row">Diarienummer</th><td><xsl:value-of select="$case/s:dnr"/></td></tr>
        <tr><th scope="row">Datum</th><td><xsl:value-of select="$case/s:date"/></td></tr>
        <tr><th scope="row">Handläggare</th><td><xsl:value-of select="concat($case/s:officer, ', ', $case/s:officer/@title)"/></td></tr>
        <tr><th scope="row">Mottagare</th><td><xsl:value-of select="$case/s:recipient"/></td></tr>
        <tr>
          <th scope="row">Beslutsgång</th>
          <td>
            <xsl:for-each select="$case/s:path/s:step">
              <xsl:if test="position() > 1"> → </xsl:if>
              <xsl:call-template name="name-of"><xsl:with-param name="ref" select="@organ"/></xsl:call-template>
              <xsl:value-of select="concat(' ', @meeting)"/>
              <xsl:if test="@paragraph"> § <xsl:value-of select="@paragraph"/></xsl:if>
            </xsl:for-each>
          </td>
        </tr>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="case-toc">
    <nav class="toc" aria-labelledby="packet-toc">
      <h2 id="packet-toc">Innehåll</h2>
      <ol>
        <li><a href="#packet-proposals">Förslag till beslut</a></li>
        <li><a href="#packet-summary">Sammanfattning</a></li>
        <li><a href="#packet-background">Bakgrund</a></li>
        <li><a href="#packet-assessment">Bedömning</a></li>
        <li><a href="#packet-consequences">Konsekvenser</a></li>
        <li><a href="#packet-basis">Beslutsunderlag</a></li>
        <li><a href="#packet-distribution">Expedieras till</a></li>
        <xsl:for-each select="$case/s:attachments/s:attachment">
          <li><a href="#bilaga-{@doc}">Bilaga <xsl:value-of select="position()"/>: <xsl:value-of select="key('id', @doc)/s:meta/s:title"/></a></li>
        </xsl:for-each>
        <xsl:if test="$case/s:answers">
          <li><a href="#packet-answers">Bilaga <xsl:value-of select="count($case/s:attachments/s:attachment) + 1"/>: Svar till revisorerna</a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="s:case">
    <section aria-labelledby="packet-proposals">
      <h2 id="packet-proposals">Förslag till beslut</h2>
      <ol class="proposals">
        <xsl:for-each select="s:proposals/s:proposal"><li><xsl:value-of select="."/></li></xsl:for-each>
      </ol>
    </section>
    <section aria-labelledby="packet-summary">
      <h2 id="packet-summary">Sammanfattning</h2>
      <xsl:apply-templates select="s:summary/s:prose"/>
    </section>
    <section aria-labelledby="packet-background">
      <h2 id="packet-background">Bakgrund</h2>
      <xsl:apply-templates select="s:background/s:prose"/>
    </section>
    <section aria-labelledby="packet-assessment">
      <h2 id="packet-assessment">Bedömning</h2>
      <xsl:apply-templates select="s:assessment/s:prose"/>
    </section>
    <section aria-labelledby="packet-consequences">
      <h2 id="packet-consequences">Konsekvenser</h2>
      <table class="docinfo">
        <caption class="visually-hidden">Konsekvenser av förslaget</caption>
        <tbody>
          <xsl:for-each select="s:consequences/s:consequence">
            <tr>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="@aspect = 'ekonomi'">Ekonomi</xsl:when>
                  <xsl:when test="@aspect = 'organisation'">Organisation och personal</xsl:when>
                  <xsl:when test="@aspect = 'barnratt'">Barnets rättigheter</xsl:when>
                  <xsl:when test="@aspect = 'jamstalldhet'">Jämställdhet</xsl:when>
                  <xsl:when test="@aspect = 'miljo'">Miljö</xsl:when>
                  <xsl:when test="@aspect = 'dataskydd'">Dataskydd</xsl:when>
                  <xsl:otherwise>Samverkan enligt MBL</xsl:otherwise>
                </xsl:choose>
              </th>
              <td>
                <xsl:value-of select="."/>
                <xsl:if test="@aspect = 'ekonomi'"><xsl:text> </xsl:text><xsl:call-template name="resources-sentence"/></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
    <section aria-labelledby="packet-basis">
      <h2 id="packet-basis">Beslutsunderlag</h2>
      <ol>
        <xsl:for-each select="s:basis/s:item"><li><xsl:value-of select="concat(., ', ', @date)"/></li></xsl:for-each>
      </ol>
    </section>
    <section aria-labelledby="packet-distribution">
      <h2 id="packet-distribution">Expedieras till</h2>
      <ul>
        <xsl:for-each select="s:distribution/s:to"><li><xsl:value-of select="."/></li></xsl:for-each>
      </ul>
      <p class="signature"><xsl:value-of select="s:officer"/><br/><xsl:value-of select="s:officer/@title"/></p>
    </section>
  </xsl:template>

  <!--
    One bilaga: what changes, then the document itself; where a version
    of it is in force, its text carries the redline's marks (insertions
    underlined, deletions struck through), as redline-ID.html does.
  -->
  <xsl:template name="bilaga">
    <xsl:param name="n"/>
    <xsl:variable name="red" select="/s:project/s:redline[@doc = current()/@doc][last()]"/>
    <xsl:variable name="d" select="$red/s:document | /s:project/s:source/s:document[@id = current()/@doc][not($red)]"/>
    <xsl:variable name="dm" select="$d/s:meta"/>
    <section class="bilaga" id="bilaga-{@doc}" aria-labelledby="bilaga-{@doc}-h">
      <h2 id="bilaga-{@doc}-h">Bilaga <xsl:value-of select="$n"/>: <xsl:value-of select="$dm/s:title"/>, version <xsl:value-of select="$dm/s:version"/></h2>
      <table class="docinfo">
        <caption class="visually-hidden">Uppgifter om bilagan</caption>
        <tbody>
          <tr><th scope="row">Dokumenttyp</th><td><xsl:call-template name="type-name"><xsl:with-param name="key" select="$d/@type"/></xsl:call-template></td></tr>
          <tr><th scope="row">Fastställs av</th><td><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dm/s:decision/@organ"/></xsl:call-template></td></tr>
          <tr><th scope="row">Status</th><td><xsl:call-template name="status-name"><xsl:with-param name="key" select="$dm/s:status"/></xsl:call-template></td></tr>
          <tr><th scope="row">Dokument-id</th><td><xsl:value-of select="substring($d/../@sha256, 1, 12)"/></td></tr>
          <xsl:if test="s:repeals">
            <tr>
              <th scope="row">Upphäver</th>
              <td>
                <xsl:for-each select="s:repeals">
                  <xsl:if test="position() > 1"><br/></xsl:if>
                  <xsl:value-of select="normalize-space(.)"/> (<xsl:call-template name="decision-ref"/>)
                </xsl:for-each>
              </td>
            </tr>
          </xsl:if>
        </tbody>
      </table>
      <xsl:choose>
        <xsl:when test="$red">
          <xsl:variable name="counted" select="$red/s:changes/s:change[not(@kind = 'meta' and (@field = 'version' or @field = 'status'))]"/>
          <h3>Ändringar jämfört med gällande version</h3>
          <p><xsl:call-template name="redline-compared"><xsl:with-param name="r" select="$red"/></xsl:call-template></p>
          <xsl:choose>
            <xsl:when test="not($counted)"><p>Texten är densamma som i den gällande versionen.</p></xsl:when>
            <xsl:otherwise>
              <ul>
                <xsl:for-each select="$counted">
                  <li><xsl:call-template name="change-label"/>: <xsl:call-template name="change-detail"/></li>
                </xsl:for-each>
              </ul>
              <p>Ändringarna är markerade i texten nedan: <span class="ins-sample">understruken text</span> är ny och <span class="del-sample">genomstruken text</span> är borttagen.</p>
              <p class="screen-only">Samma jämförelse finns för sig i <a href="redline-{@doc}.html">redline-<xsl:value-of select="@doc"/>.html</a>.</p>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="s:covers">
          <h3>Vad det tidigare dokumentet tog upp och var det finns nu</h3>
          <p>Texten i det tidigare dokumentet finns inte arkiverad, så en jämförelse ord för ord går inte att göra. Tabellen visar var varje ämne i det tidigare dokumentet behandlas i det nya.</p>
          <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
            <table>
              <caption>Ämnen i det tidigare dokumentet och motsvarande avsnitt i det nya</caption>
              <thead><tr><th scope="col">Ämne i det tidigare dokumentet</th><th scope="col">Behandlas i</th></tr></thead>
              <tbody>
                <xsl:for-each select="s:covers">
                  <xsl:variable name="t" select="key('id', @section)"/>
                  <tr>
                    <th scope="row"><xsl:value-of select="."/></th>
                    <td>
                      <a href="#{@section}">
                        <xsl:choose>
                          <xsl:when test="$t/self::s:section"><xsl:value-of select="concat($t/@num, ' ', $t/s:title)"/></xsl:when>
                          <xsl:when test="$t/self::s:requirement">Krav <xsl:value-of select="$t/@num"/>: <xsl:value-of select="$t/s:statement"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="$t/s:name"/></xsl:otherwise>
                        </xsl:choose>
                      </a>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p>Dokumentet är nytt.</p></xsl:otherwise>
      </xsl:choose>
      <h3>Dokumentets text</h3>
      <xsl:apply-templates select="$d/s:body/s:section"/>
    </section>
  </xsl:template>
</xsl:stylesheet>
