<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  report.xsl - the governance report as HTML: the auditors' questions
  answered from the sources, each finding and its status now, documents
  due for review, and the systems with gaps.  Usable as the basis of the
  kommunstyrelse's reply to the auditors.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="s exsl">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/report.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat('Informationssäkerhet – läget per ', $as-of)"/>
      <xsl:with-param name="kind" select="'Rapport'"/>
      <xsl:with-param name="stamp" select="concat('Rapport · läget per ', $as-of)"/>
      <xsl:with-param name="content">
        <p>Rapporten mäter läget ur styrdokumenten och registren i styrdok per <xsl:value-of select="$as-of"/>. Varje brist som nämns finns som en varning i <code>styrdok check</code>.</p>
        <xsl:if test="/s:project/s:source/*[@example = 'yes']">
          <p class="draft-mark">Registren innehåller exempeldata – siffrorna visar hur rapporten fungerar, inte läget i kommunen.</p>
        </xsl:if>
        <xsl:for-each select="$audits">
          <xsl:call-template name="audit"/>
        </xsl:for-each>
        <xsl:call-template name="documents"/>
        <xsl:call-template name="acknowledgements"/>
        <xsl:call-template name="systems-with-gaps"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    The reply to the auditors as a letter from the kommunstyrelse: the
    date of its meeting and the diarienummer of the case that answers
    the audit, each question answered in prose from the sources with the
    tables behind it, then every finding with the requirements and
    actions that answer it.
  -->
  <xsl:template name="audit">
    <xsl:variable name="cid"><xsl:call-template name="reply-case-id"/></xsl:variable>
    <xsl:variable name="case" select="$reply-cases[@id = $cid]"/>
    <xsl:variable name="ks" select="$case/s:path/s:step[@organ = 'KS'][1]"/>
    <section aria-labelledby="{@id}-h" class="letter">
      <h2 id="{@id}-h">Svar till revisorerna</h2>
      <table class="docinfo">
        <caption class="visually-hidden">Uppgifter om svaret</caption>
        <tbody>
          <tr><th scope="row">Från</th><td>Kommunstyrelsen, <xsl:value-of select="$org/s:name"/></td></tr>
          <tr><th scope="row">Till</th><td>Kommunens revisorer</td></tr>
          <xsl:if test="$ks"><tr><th scope="row">Datum</th><td><xsl:value-of select="$ks/@meeting"/><xsl:if test="not($ks/@paragraph)"> (planerat sammanträde)</xsl:if></td></tr></xsl:if>
          <xsl:if test="$case"><tr><th scope="row">Diarienummer</th><td><xsl:value-of select="$case/s:dnr"/></td></tr></xsl:if>
          <tr><th scope="row">Ärende</th><td>Svar på revisorernas skrivelse <xsl:value-of select="@date"/>: <xsl:value-of select="s:title"/></td></tr>
        </tbody>
      </table>
      <p>
        Revisorerna skickade sin skrivelse till kommunstyrelsen <xsl:value-of select="@date"/> och bad om svar senast <xsl:value-of select="@answer-by"/>, i första hand på tre frågor.
        <xsl:if test="$ks and translate($ks/@meeting, '-', '') > translate(@answer-by, '-', '')"> Svaret kommer flera år för sent. Kommunstyrelsen beklagar det. Skälen och vad kommunen gör för att det inte ska hända igen står nedan och i tjänsteskrivelsen.</xsl:if>
        Siffrorna är hämtade ur kommunens styrdokument och register per <xsl:value-of select="$as-of"/>.
      </p>
      <xsl:for-each select="s:question">
        <section aria-labelledby="{@id}-h">
          <h3 id="{@id}-h">Fråga <xsl:value-of select="position()"/>: <xsl:value-of select="."/></h3>
          <xsl:choose>
            <xsl:when test="@answer = 'timetable'"><p><xsl:call-template name="prose-timetable"/></p><xsl:call-template name="answer-timetable"/></xsl:when>
            <xsl:when test="@answer = 'outside-hours'"><p><xsl:call-template name="prose-outside-hours"/></p><xsl:call-template name="answer-outside-hours"/></xsl:when>
            <xsl:otherwise><p><xsl:call-template name="prose-risk-analyses"/></p><xsl:call-template name="answer-risk-analyses"/></xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:for-each>
      <section aria-labelledby="{@id}-findings">
        <h3 id="{@id}-findings">Förstudiens iakttagelser och hur de besvaras</h3>
        <p>Varje iakttagelse besvaras av krav i styrdokumenten och åtgärder i tidsplanen, med ansvarig och datum. Läget nu är mätt ur registren.</p>
        <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
          <table>
          <caption>Förstudiens iakttagelser, svaren och läget nu</caption>
          <thead><tr><th scope="col">Iakttagelse</th><th scope="col">Svar: krav och åtgärder</th><th scope="col">Läget nu</th><th scope="col">Status</th></tr></thead>
          <tbody>
            <xsl:for-each select="s:finding">
              <xsl:variable name="status"><xsl:call-template name="finding-status"/></xsl:variable>
              <xsl:variable name="answers"><xsl:call-template name="finding-answers"/></xsl:variable>
              <tr>
                <th scope="row"><xsl:value-of select="."/></th>
                <td>
                  <xsl:choose>
                    <xsl:when test="exsl:node-set($answers)/s:answer">
                      <ul class="answers">
                        <xsl:for-each select="exsl:node-set($answers)/s:answer">
                          <li>
                            <strong><xsl:value-of select="@kind"/>:</strong><xsl:text> </xsl:text><xsl:value-of select="."/>
                            <xsl:text> (</xsl:text><xsl:value-of select="@owner"/>
                            <xsl:choose>
                              <xsl:when test="@kind = 'Krav'">, <xsl:value-of select="@where"/>, gäller från <xsl:value-of select="@date"/></xsl:when>
                              <xsl:otherwise>, senast <xsl:value-of select="@date"/></xsl:otherwise>
                            </xsl:choose>
                            <xsl:text>)</xsl:text>
                          </li>
                        </xsl:for-each>
                      </ul>
                    </xsl:when>
                    <xsl:otherwise><span class="gap">Inget svar ännu</span></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:call-template name="finding-now"/></td>
                <td>
                  <xsl:if test="$status != 'resolved'"><xsl:attribute name="class">gap</xsl:attribute></xsl:if>
                  <xsl:call-template name="status-label"><xsl:with-param name="status" select="$status"/></xsl:call-template>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
          </table>
        </div>
      </section>
      <div class="signature">
        <p>För kommunstyrelsen i <xsl:value-of select="$org/s:name"/></p>
        <p class="sign-line">Kommunstyrelsens ordförande</p>
        <p class="sign-line">Kommunchef</p>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="answer-timetable">
    <p>Styrdokumenten och deras status:</p>
    <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
      <table>
      <caption>Styrdokumenten</caption>
      <thead><tr><th scope="col">Dokument</th><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Fastställs av</th><th scope="col">Revideras senast</th></tr></thead>
      <tbody>
        <xsl:for-each select="$documents">
          <tr>
            <th scope="row"><xsl:value-of select="s:meta/s:title"/></th>
            <td><xsl:value-of select="s:meta/s:version"/></td>
            <td><xsl:call-template name="status-name"><xsl:with-param name="key" select="s:meta/s:status"/></xsl:call-template></td>
            <td><xsl:call-template name="name-of"><xsl:with-param name="ref" select="s:meta/s:decision/@organ"/></xsl:call-template></td>
            <td><xsl:value-of select="s:meta/s:review-by"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
      </table>
    </div>
    <xsl:choose>
      <xsl:when test="$actions">
        <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
          <table>
          <caption><xsl:value-of select="$actions[1]/../s:title"/></caption>
          <thead><tr><th scope="col">Senast</th><th scope="col">Åtgärd</th><th scope="col">Ansvarig</th><th scope="col">Timmar</th><th scope="col">Kostnad, kr</th><th scope="col">Status</th></tr></thead>
          <tbody>
            <xsl:for-each select="$actions">
              <xsl:sort select="@due"/>
              <tr>
                <th scope="row"><xsl:value-of select="@due"/></th>
                <td><xsl:value-of select="."/></td>
                <td><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@responsible"/></xsl:call-template></td>
                <td><xsl:value-of select="@hours"/></td>
                <td><xsl:if test="@cost"><xsl:value-of select="format-number(@cost, '# ##0', 'sv')"/><xsl:if test="@per-year = 'yes'"> per år</xsl:if></xsl:if></td>
                <td>
                  <xsl:call-template name="action-status"/>
                  <xsl:if test="@status != 'done' and translate(@due, '-', '') &lt; translate($as-of, '-', '')"><xsl:text> </xsl:text><span class="gap">(försenad)</span></xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="gap">Det finns ingen tidsplan (action-plan) i källorna.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="answer-outside-hours">
    <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
      <table>
      <caption>System som används utanför kontorstid</caption>
      <thead><tr><th scope="col">System</th><th scope="col">Drift</th><th scope="col">Supportavtal täcker</th><th scope="col">Längsta avbrottstid</th><th scope="col">Kontinuitetsplan</th><th scope="col">Bedömning</th></tr></thead>
      <tbody>
        <xsl:for-each select="$outside-hours">
          <tr>
            <th scope="row"><xsl:value-of select="s:name"/></th>
            <td><xsl:call-template name="operator"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="s:support-agreement"><xsl:call-template name="covers"><xsl:with-param name="c" select="s:support-agreement/@covers"/></xsl:call-template></xsl:when>
                <xsl:otherwise>inget avtal</xsl:otherwise>
              </xsl:choose>
            </td>
            <td><xsl:if test="s:max-downtime"><xsl:call-template name="hours"><xsl:with-param name="n" select="s:max-downtime/@hours"/></xsl:call-template></xsl:if></td>
            <td><xsl:choose><xsl:when test="s:continuity">Finns</xsl:when><xsl:otherwise>Saknas</xsl:otherwise></xsl:choose></td>
            <td>
              <xsl:choose>
                <xsl:when test="s:gap[@rule = 'support-outside-hours']"><span class="gap">Brist: ingen support utanför kontorstid</span></xsl:when>
                <xsl:otherwise>Täckt</xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="answer-risk-analyses">
    <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
      <table>
      <caption>Prioriterade system och deras riskanalyser</caption>
      <thead><tr><th scope="col">System</th><th scope="col">Senaste analys</th><th scope="col">Risker</th><th scope="col">Över acceptansnivån</th><th scope="col">Åtgärder klara</th><th scope="col">Bedömning</th></tr></thead>
      <tbody>
        <xsl:for-each select="$prioritised">
          <xsl:variable name="aid"><xsl:call-template name="latest-analysis"><xsl:with-param name="sys" select="."/></xsl:call-template></xsl:variable>
          <xsl:variable name="a" select="key('analysis-of', @id)[@id = $aid]"/>
          <tr>
            <th scope="row"><xsl:value-of select="s:name"/></th>
            <td><xsl:value-of select="$a/@date"/></td>
            <td><xsl:value-of select="count($a/s:risk)"/></td>
            <td><xsl:value-of select="count($a/s:risk[@risk-value >= $a/s:scale/@threshold])"/></td>
            <td><xsl:value-of select="count($a/s:risk[@status = 'done'])"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="s:gap[@rule = 'risk-analysis'] or $a/s:risk/s:gap">
                  <span class="gap">Brist: </span>
                  <xsl:for-each select="s:gap[@rule = 'risk-analysis'] | $a/s:risk/s:gap">
                    <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if><xsl:call-template name="gap-text"/>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>Aktuell</xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="documents">
    <section aria-labelledby="styrdok-review">
      <h2 id="styrdok-review">Dokument som ska revideras</h2>
      <xsl:variable name="due" select="$documents[s:gap[@rule = 'review-due']]"/>
      <xsl:choose>
        <xsl:when test="$due">
          <ul>
            <xsl:for-each select="$due/s:gap[@rule = 'review-due']"><li><xsl:call-template name="gap-text"/></li></xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Inget dokument har passerat sitt revisionsdatum.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="missing" select="$documents/s:gap[@rule = 'child-missing']"/>
      <xsl:if test="$missing">
        <p>Dokument som krävs men saknas:</p>
        <ul><xsl:for-each select="$missing"><li><xsl:call-template name="gap-text"/></li></xsl:for-each></ul>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="acknowledgements">
    <xsl:for-each select="/s:project/s:acknowledgements">
      <xsl:variable name="d" select="$documents[@id = current()/@doc]"/>
      <section aria-labelledby="styrdok-ack-{@doc}">
        <h2 id="styrdok-ack-{@doc}">Bekräftelser: <xsl:value-of select="$d/s:meta/s:title"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="@in-force">Den version som gäller är <xsl:value-of select="@in-force"/>. <xsl:value-of select="@signed"/> av <xsl:value-of select="@staff"/> medarbetare har bekräftat den.</xsl:when>
            <xsl:otherwise>Ingen version är beslutad ännu.</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$d/s:meta/s:status != 'beslutad'"> Version <xsl:value-of select="$d/s:meta/s:version"/> är ett utkast; när den är beslutad ska alla bekräfta den.</xsl:if>
        </p>
        <xsl:if test="s:unit">
          <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
            <table>
              <caption>Bekräftelser per enhet<xsl:if test="@in-force"> av version <xsl:value-of select="@in-force"/></xsl:if></caption>
              <thead><tr><th scope="col">Enhet</th><th scope="col">Medarbetare</th><th scope="col">Har bekräftat</th><th scope="col">Bara en äldre version</th><th scope="col">Inte bekräftat</th></tr></thead>
              <tbody>
                <xsl:for-each select="s:unit">
                  <tr>
                    <th scope="row"><xsl:value-of select="@name"/></th>
                    <td><xsl:value-of select="@staff"/></td>
                    <td><xsl:value-of select="@signed"/></td>
                    <td><xsl:value-of select="@old"/></td>
                    <td><xsl:value-of select="@none"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:if>
        <xsl:variable name="must" select="s:member[@status != 'current']"/>
        <xsl:if test="$must">
          <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
            <table>
              <caption>Medarbetare som ska bekräfta den version som gäller</caption>
              <thead><tr><th scope="col">Anställningsnummer</th><th scope="col">Namn</th><th scope="col">Enhet</th><th scope="col">Har bekräftat</th></tr></thead>
              <tbody>
                <xsl:for-each select="$must">
                  <tr>
                    <th scope="row"><xsl:value-of select="@employee"/></th>
                    <td><xsl:value-of select="@name"/></td>
                    <td><xsl:value-of select="@unit"/></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@status = 'old' and @draft">Bara utkastet till version <xsl:value-of select="@signed"/>, ska bekräfta på nytt</xsl:when>
                        <xsl:when test="@status = 'old'">Bara version <xsl:value-of select="@signed"/>, ska bekräfta på nytt</xsl:when>
                        <xsl:otherwise>Ingen version</xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:if>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="systems-with-gaps">
    <section aria-labelledby="styrdok-gaps">
      <h2 id="styrdok-gaps">System med brister</h2>
      <xsl:variable name="with" select="$systems[s:gap]"/>
      <p><xsl:value-of select="count($with)"/> av <xsl:value-of select="count($systems)"/> system har brister.</p>
      <xsl:for-each select="$with">
        <h3><xsl:value-of select="s:name"/></h3>
        <xsl:call-template name="gaps"/>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
