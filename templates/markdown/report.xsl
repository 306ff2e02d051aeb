<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!-- report.xsl (Markdown) - the governance report, as lists. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/report.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="frame.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="line">
    <xsl:param name="t"/>
    <xsl:text>- </xsl:text>
    <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$t"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="/">
    <xsl:call-template name="frame-head">
      <xsl:with-param name="title" select="concat('Informationssäkerhet – läget per ', $as-of)"/>
      <xsl:with-param name="kind" select="'Rapport'"/>
    </xsl:call-template>
    <!-- The content goes straight to the output, not through a
         parameter: a long text parameter is rebuilt on every append. -->
    <xsl:value-of select="concat('Rapporten mäter läget ur styrdokumenten och registren per ', $as-of, '.', $nl, $nl)"/>
    <xsl:if test="/s:project/s:source/*[@example = 'yes']">
      <xsl:value-of select="concat('&gt; Registren innehåller exempeldata.', $nl, $nl)"/>
    </xsl:if>
    <xsl:for-each select="$audits">
      <xsl:variable name="cid"><xsl:call-template name="reply-case-id"/></xsl:variable>
      <xsl:variable name="case" select="$reply-cases[@id = $cid]"/>
      <xsl:variable name="ks" select="$case/s:path/s:step[@organ = 'KS'][1]"/>
      <xsl:text>## Svar till revisorerna</xsl:text>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:call-template name="line"><xsl:with-param name="t" select="concat('Från: Kommunstyrelsen, ', $org/s:name)"/></xsl:call-template>
      <xsl:call-template name="line"><xsl:with-param name="t" select="'Till: Kommunens revisorer'"/></xsl:call-template>
      <xsl:if test="$ks"><xsl:call-template name="line"><xsl:with-param name="t" select="concat('Datum: ', $ks/@meeting)"/></xsl:call-template></xsl:if>
      <xsl:if test="$case"><xsl:call-template name="line"><xsl:with-param name="t" select="concat('Diarienummer: ', $case/s:dnr)"/></xsl:call-template></xsl:if>
      <xsl:call-template name="line"><xsl:with-param name="t" select="concat('Ärende: Svar på revisorernas skrivelse ', @date, ': ', s:title)"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
      <xsl:for-each select="s:question">
        <xsl:value-of select="concat('### Fråga ', position(), ': ')"/>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl)"/>
        <xsl:variable name="prose">
          <xsl:choose>
            <xsl:when test="@answer = 'timetable'"><xsl:call-template name="prose-timetable"/></xsl:when>
            <xsl:when test="@answer = 'outside-hours'"><xsl:call-template name="prose-outside-hours"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="prose-risk-analyses"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="normalize-space($prose)"/></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl)"/>
        <xsl:choose>
          <xsl:when test="@answer = 'timetable'">
            <xsl:for-each select="$documents">
              <xsl:call-template name="line"><xsl:with-param name="t" select="concat(s:meta/s:title, ', version ', s:meta/s:version, ': ', s:meta/s:status, ', fastställs av ', s:meta/s:decision/@organ)"/></xsl:call-template>
            </xsl:for-each>
            <xsl:value-of select="$nl"/>
            <xsl:for-each select="$actions">
              <xsl:sort select="@due"/>
              <xsl:call-template name="line">
                <xsl:with-param name="t">
                  <xsl:value-of select="concat(@due, ': ', normalize-space(.), ' (')"/>
                  <xsl:call-template name="name-of"><xsl:with-param name="ref" select="@responsible"/></xsl:call-template>
                  <xsl:text>, </xsl:text>
                  <xsl:call-template name="action-status"/>
                  <xsl:text>)</xsl:text>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="@answer = 'outside-hours'">
            <xsl:value-of select="concat(count($outside-hours), ' system används utanför kontorstid; ', count($outside-hours[s:support-agreement[@covers != 'office']]), ' har supportavtal som täcker den tiden.', $nl, $nl)"/>
            <xsl:for-each select="$outside-hours">
              <xsl:call-template name="line">
                <xsl:with-param name="t">
                  <xsl:value-of select="concat(s:name, ': ')"/>
                  <xsl:choose>
                    <xsl:when test="s:support-agreement">support <xsl:call-template name="covers"><xsl:with-param name="c" select="s:support-agreement/@covers"/></xsl:call-template></xsl:when>
                    <xsl:otherwise>inget supportavtal</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="s:gap[@rule = 'support-outside-hours']"> – brist</xsl:if>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat('Riskanalyser: ', count($analyses), '; sannolikhet × konsekvens, skala 1–', $analyses[1]/s:scale/@levels, '. Prioriterade system, som ska analyseras minst var tolfte månad: ', count($prioritised), '.', $nl, $nl)"/>
            <xsl:for-each select="$prioritised">
              <xsl:variable name="aid"><xsl:call-template name="latest-analysis"><xsl:with-param name="sys" select="."/></xsl:call-template></xsl:variable>
              <xsl:variable name="a" select="key('analysis-of', @id)[@id = $aid]"/>
              <xsl:call-template name="line">
                <xsl:with-param name="t">
                  <xsl:value-of select="concat(s:name, ': ')"/>
                  <xsl:choose>
                    <xsl:when test="$a"><xsl:value-of select="concat('senaste analys ', $a/@date, ', ', count($a/s:risk), substring(' risker', 1, 5 + 2 * (count($a/s:risk) != 1)), ', ', count($a/s:risk[@risk-value >= $a/s:scale/@threshold]), ' över acceptansnivån')"/></xsl:when>
                    <xsl:otherwise>ingen analys</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="s:gap[@rule = 'risk-analysis'] or $a/s:risk/s:gap"> – brist</xsl:if>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="concat('### Iakttagelserna och läget nu', $nl, $nl)"/>
      <xsl:for-each select="s:finding">
        <xsl:variable name="status"><xsl:call-template name="finding-status"/></xsl:variable>
        <xsl:text>- **</xsl:text>
        <xsl:call-template name="status-label"><xsl:with-param name="status" select="$status"/></xsl:call-template>
        <xsl:text>:** </xsl:text>
        <xsl:call-template name="esc-line"><xsl:with-param name="t" select="."/></xsl:call-template>
        <xsl:text> – </xsl:text>
        <xsl:call-template name="esc-line"><xsl:with-param name="t"><xsl:call-template name="finding-now"/></xsl:with-param></xsl:call-template>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="concat('## Dokument som ska revideras', $nl, $nl)"/>
    <xsl:for-each select="$documents/s:gap[@rule = 'review-due' or @rule = 'child-missing']">
      <xsl:call-template name="line"><xsl:with-param name="t"><xsl:call-template name="gap-text"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="not($documents/s:gap[@rule = 'review-due' or @rule = 'child-missing'])">
      <xsl:value-of select="concat('Inget dokument har passerat sitt revisionsdatum.', $nl)"/>
    </xsl:if>
    <xsl:for-each select="/s:project/s:acknowledgements">
      <xsl:variable name="d" select="$documents[@id = current()/@doc]"/>
      <xsl:value-of select="$nl"/>
      <xsl:text>## Bekräftelser: </xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="$d/s:meta/s:title"/></xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:value-of select="concat('Version som gäller: ', @in-force, '. ', @signed, ' av ', @staff, ' har bekräftat den.', $nl, $nl)"/>
      <xsl:if test="s:unit">
        <xsl:value-of select="concat('Per enhet:', $nl, $nl)"/>
        <xsl:for-each select="s:unit">
          <xsl:call-template name="line">
            <xsl:with-param name="t" select="concat(@name, ': ', @signed, ' av ', @staff, ' har bekräftat, ', @old, ' bara en äldre version, ', @none, ' inte alls')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:value-of select="concat($nl, 'Ska bekräfta den version som gäller:', $nl, $nl)"/>
      </xsl:if>
      <xsl:for-each select="s:member[@status != 'current']">
        <xsl:call-template name="line">
          <xsl:with-param name="t" select="concat(@employee, ' ', @name, ' (', @unit, '): ', substring(concat('bara version ', @signed), 1, 100 * (@status = 'old' and not(@draft))), substring(concat('bara utkastet till version ', @signed), 1, 100 * (@status = 'old' and @draft)), substring('ingen version', 1, 100 * (@status = 'none')))"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:value-of select="concat($nl, '## System med brister', $nl, $nl)"/>
    <xsl:for-each select="$systems[s:gap]">
      <xsl:text>### </xsl:text>
      <xsl:call-template name="esc-line"><xsl:with-param name="t" select="s:name"/></xsl:call-template>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:call-template name="gaps"/>
    </xsl:for-each>

  </xsl:template>
</xsl:stylesheet>
