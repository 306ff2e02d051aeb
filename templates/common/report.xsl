<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  report.xsl (common) - what every format of the governance report
  measures: the status of each audit finding from the gaps the rules
  attached to the tree and from the documents that exist, and the
  selections the answers to the auditors' questions are made of.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="s str">

  <xsl:variable name="audits" select="/s:project/s:source/s:audit"/>
  <xsl:variable name="all-gaps" select="/s:project/s:source//s:gap"/>
  <xsl:variable name="documents" select="/s:project/s:source/s:document"/>
  <xsl:variable name="actions" select="/s:project/s:source/s:action-plan/s:action"/>
  <xsl:variable name="as-of" select="/s:project/@as-of"/>
  <xsl:variable name="outside-hours" select="$systems[@outside-hours = 'yes']"/>
  <xsl:variable name="prioritised" select="$systems[@prioritised = 'yes']"/>
  <!-- The reply is the kommunstyrelse's: the case that answers the audit. -->
  <xsl:variable name="reply-cases" select="/s:project/s:source/s:case"/>
  <xsl:decimal-format name="sv" grouping-separator=" " decimal-separator=","/>

  <!-- The gaps that show finding $f still holds. -->
  <xsl:template name="finding-gap-count">
    <xsl:param name="f" select="."/>
    <xsl:value-of select="count($all-gaps[contains(concat(' ', normalize-space($f/@rules), ' '), concat(' ', @rule, ' '))])"/>
  </xsl:template>

  <!--
    resolved: no gaps, and its document (if any) is decided;
    in-progress: the document exists but is not decided yet;
    open: gaps remain, or the document does not exist.
  -->
  <xsl:template name="finding-status">
    <xsl:param name="f" select="."/>
    <xsl:variable name="gaps"><xsl:call-template name="finding-gap-count"><xsl:with-param name="f" select="$f"/></xsl:call-template></xsl:variable>
    <xsl:variable name="d" select="$documents[@id = $f/@doc]"/>
    <xsl:variable name="acts" select="$actions[contains(concat(' ', normalize-space($f/@answered-by), ' '), concat(' ', @id, ' '))]"/>
    <xsl:choose>
      <xsl:when test="$gaps > 0 or ($f/@doc and not($d))">open</xsl:when>
      <xsl:when test="$f/@doc and $d/s:meta/s:status != 'beslutad'">in-progress</xsl:when>
      <xsl:when test="$acts[@status != 'done'] and not($acts[@status != 'planned'])">open</xsl:when>
      <xsl:when test="$acts[@status != 'done']">in-progress</xsl:when>
      <xsl:otherwise>resolved</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The requirements and actions that answer finding $f (answered-by=),
    each with its owner and date: "Krav: statement (role, from date)",
    "Åtgärd: text (responsible, senast due)", one per item, as
    <answer kind owner date text/> elements in a result tree fragment
    each format lays out.
  -->
  <xsl:template name="finding-answers">
    <xsl:param name="f" select="."/>
    <xsl:for-each select="str:tokenize(normalize-space($f/@answered-by), ' ')">
      <xsl:variable name="id" select="string(.)"/>
      <xsl:for-each select="$f">
        <xsl:variable name="t" select="key('id', $id)"/>
        <xsl:choose>
          <xsl:when test="$t/self::s:requirement">
            <xsl:variable name="doc" select="$t/ancestor::s:document"/>
            <s:answer kind="Krav" ref="{$id}" doc="{$doc/@id}">
              <xsl:attribute name="owner"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$t/@role"/></xsl:call-template></xsl:attribute>
              <xsl:attribute name="date"><xsl:value-of select="$doc/s:meta/s:valid-from"/></xsl:attribute>
              <xsl:attribute name="where"><xsl:value-of select="$doc/s:meta/s:title"/></xsl:attribute>
              <xsl:value-of select="normalize-space($t/s:statement)"/>
            </s:answer>
          </xsl:when>
          <xsl:when test="$t/self::s:action">
            <s:answer kind="Åtgärd" ref="{$id}" date="{$t/@due}" status="{$t/@status}">
              <xsl:attribute name="owner"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$t/@responsible"/></xsl:call-template></xsl:attribute>
              <xsl:value-of select="normalize-space($t)"/>
            </s:answer>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- "N timmar och M kronor": what the action plan adds up to. -->
  <xsl:template name="resources-sentence">
    <xsl:variable name="once" select="$actions[not(@per-year = 'yes')]"/>
    <xsl:variable name="yearly" select="$actions[@per-year = 'yes']"/>
    <xsl:if test="$actions[@hours or @cost]">
      <xsl:text>Tidsplanen räknar med </xsl:text>
      <xsl:value-of select="format-number(sum($actions/@hours), '# ##0', 'sv')"/>
      <xsl:text> timmar arbetstid och </xsl:text>
      <xsl:value-of select="format-number(sum($once/@cost), '# ##0', 'sv')"/>
      <xsl:text> kronor i engångskostnader utöver arbetstiden, varav </xsl:text>
      <xsl:value-of select="format-number(sum($once[@status != 'done']/@cost), '# ##0', 'sv')"/>
      <xsl:text> kronor för åtgärder som inte är klara.</xsl:text>
      <xsl:if test="$yearly/@cost">
        <xsl:text> Till det kommer </xsl:text>
        <xsl:value-of select="format-number(sum($yearly/@cost), '# ##0', 'sv')"/>
        <xsl:text> kronor per år i löpande kostnader.</xsl:text>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="status-label">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'open'">Kvarstår</xsl:when>
      <xsl:when test="$status = 'in-progress'">Pågår</xsl:when>
      <xsl:otherwise>Åtgärdad</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One sentence on where the finding stands, measured. -->
  <xsl:template name="finding-now">
    <xsl:param name="f" select="."/>
    <xsl:variable name="gaps"><xsl:call-template name="finding-gap-count"><xsl:with-param name="f" select="$f"/></xsl:call-template></xsl:variable>
    <xsl:variable name="d" select="$documents[@id = $f/@doc]"/>
    <xsl:if test="$f/@doc">
      <xsl:choose>
        <xsl:when test="not($d)">Dokumentet finns inte ännu. </xsl:when>
        <xsl:when test="$d/s:meta/s:status = 'beslutad'">
          <xsl:value-of select="$d/s:meta/s:title"/> version <xsl:value-of select="$d/s:meta/s:version"/> är beslutad (<xsl:value-of select="concat($d/s:meta/s:decision/@organ, ' ', $d/s:meta/s:decision/@date)"/>). </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$d/s:meta/s:title"/> version <xsl:value-of select="$d/s:meta/s:version"/> finns som <xsl:value-of select="$d/s:meta/s:status"/> och ska fastställas av <xsl:value-of select="$d/s:meta/s:decision/@organ"/>. </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:variable name="acts" select="$actions[contains(concat(' ', normalize-space($f/@answered-by), ' '), concat(' ', @id, ' '))]"/>
    <xsl:if test="$acts">
      <xsl:value-of select="count($acts[@status = 'done'])"/> av <xsl:value-of select="count($acts)"/>
      <xsl:choose><xsl:when test="count($acts) = 1"> åtgärd</xsl:when><xsl:otherwise> åtgärder</xsl:otherwise></xsl:choose>
      <xsl:text> klara. </xsl:text>
    </xsl:if>
    <xsl:if test="$f/@rules">
      <xsl:choose>
        <xsl:when test="$gaps = 0">Inga brister av det slaget i källorna.</xsl:when>
        <xsl:when test="$gaps = 1">1 brist kvar.</xsl:when>
        <xsl:otherwise><xsl:value-of select="$gaps"/> brister kvar.</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- The newest analysis date of system $sys, or nothing. -->
  <xsl:template name="latest-analysis">
    <xsl:param name="sys"/>
    <xsl:for-each select="key('analysis-of', $sys/@id)">
      <xsl:sort select="@date" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="@id"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The case that carries the reply to audit $a, if any. -->
  <xsl:template name="reply-case-id">
    <xsl:param name="a" select="."/>
    <xsl:value-of select="$reply-cases[s:answers/@audit = $a/@id][1]/@id"/>
  </xsl:template>

  <!-- Question 1 in prose: the documents' decisions and the plan. -->
  <xsl:template name="prose-timetable">
    <xsl:variable name="drafts" select="$documents[s:meta/s:status != 'beslutad' and s:meta/s:status != 'upphavd']"/>
    <xsl:variable name="case" select="$reply-cases[1]"/>
    <xsl:value-of select="count($documents)"/>
    <xsl:text> styrdokument ingår: policyn och instruktionerna under den. </xsl:text>
    <xsl:if test="$drafts">
      <xsl:value-of select="count($drafts)"/>
      <xsl:text> av dem är förslag som ska beslutas</xsl:text>
      <xsl:for-each select="$case/s:path/s:step[@organ = 'KS' or @organ = 'KF']">
        <xsl:choose>
          <xsl:when test="position() = 1"> av </xsl:when>
          <xsl:otherwise> och </xsl:otherwise>
        </xsl:choose>
        <xsl:variable name="organ"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@organ"/></xsl:call-template></xsl:variable>
        <xsl:value-of select="translate(substring($organ, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ', 'abcdefghijklmnopqrstuvwxyzåäö')"/>
        <xsl:value-of select="concat(substring($organ, 2), ' ', @meeting)"/>
      </xsl:for-each>
      <xsl:text>. </xsl:text>
    </xsl:if>
    <xsl:if test="$actions">
      <xsl:text>Tidsplanen har </xsl:text>
      <xsl:call-template name="count-noun"><xsl:with-param name="n" select="count($actions)"/><xsl:with-param name="one" select="'åtgärd'"/><xsl:with-param name="many" select="'åtgärder'"/></xsl:call-template>
      <xsl:text>. </xsl:text>
      <xsl:value-of select="count($actions[@status = 'done'])"/>
      <xsl:text> är </xsl:text>
      <xsl:choose><xsl:when test="count($actions[@status = 'done']) = 1">klar</xsl:when><xsl:otherwise>klara</xsl:otherwise></xsl:choose>
      <xsl:text>, </xsl:text>
      <xsl:value-of select="count($actions[@status = 'started'])"/>
      <xsl:text> pågår och </xsl:text>
      <xsl:value-of select="count($actions[@status = 'planned'])"/>
      <xsl:text> är </xsl:text>
      <xsl:choose><xsl:when test="count($actions[@status = 'planned']) = 1">planerad</xsl:when><xsl:otherwise>planerade</xsl:otherwise></xsl:choose>
      <xsl:text>. </xsl:text>
      <xsl:variable name="late" select="$actions[@status != 'done' and translate(@due, '-', '') &lt; translate($as-of, '-', '')]"/>
      <xsl:if test="$late">
        <xsl:value-of select="count($late)"/>
        <xsl:text> är </xsl:text>
        <xsl:choose><xsl:when test="count($late) = 1">försenad</xsl:when><xsl:otherwise>försenade</xsl:otherwise></xsl:choose>
        <xsl:text>. </xsl:text>
      </xsl:if>
      <xsl:for-each select="$actions">
        <xsl:sort select="@due" order="descending"/>
        <xsl:if test="position() = 1">Den sista åtgärden ska vara klar <xsl:value-of select="@due"/>. </xsl:if>
      </xsl:for-each>
      <xsl:call-template name="resources-sentence"/>
    </xsl:if>
  </xsl:template>

  <!-- Question 2 in prose: support outside office hours, measured. -->
  <xsl:template name="prose-outside-hours">
    <xsl:variable name="uncovered" select="$outside-hours[s:gap[@rule = 'support-outside-hours']]"/>
    <xsl:value-of select="count($outside-hours)"/>
    <xsl:text> system används utanför kontorstid. </xsl:text>
    <xsl:value-of select="count($outside-hours) - count($uncovered)"/>
    <xsl:text> av dem har stöd som täcker den tiden. </xsl:text>
    <xsl:if test="$uncovered">
      <xsl:text>Stöd saknas fortfarande för </xsl:text>
      <xsl:for-each select="$uncovered">
        <xsl:if test="position() > 1 and position() = last()"> och </xsl:if>
        <xsl:if test="position() > 1 and position() != last()">, </xsl:if>
        <xsl:value-of select="translate(substring(s:name, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ', 'abcdefghijklmnopqrstuvwxyzåäö')"/>
        <xsl:value-of select="substring(s:name, 2)"/>
      </xsl:for-each>
      <xsl:text>. Tidsplanen visar när avtalen ska vara tecknade. </xsl:text>
    </xsl:if>
    <xsl:text>Varje förvaltning med verksamhet utanför kontorstid ska ha en skriftlig rutin för störningar, och en betydande incident kan rapporteras dygnet runt genom tjänstemannen i beredskap.</xsl:text>
  </xsl:template>

  <!-- Question 3 in prose: the method, its use and the main risks. -->
  <xsl:template name="prose-risk-analyses">
    <xsl:variable name="m" select="/s:project/s:source/s:risk-method[1]"/>
    <xsl:variable name="current" select="$prioritised[not(s:gap[@rule = 'risk-analysis'])]"/>
    <xsl:if test="$m">
      <xsl:text>Alla riskanalyser görs med kommunens gemensamma metod. Sannolikhet och konsekvens bedöms på en skala från 1 till </xsl:text>
      <xsl:value-of select="$m/s:scale/@levels"/>
      <xsl:text>, riskvärdet är sannolikheten multiplicerad med konsekvensen och acceptansnivån är riskvärde </xsl:text>
      <xsl:value-of select="$m/s:scale/@threshold"/>
      <xsl:text>. </xsl:text>
    </xsl:if>
    <xsl:value-of select="count($current)"/>
    <xsl:text> av </xsl:text>
    <xsl:value-of select="count($prioritised)"/>
    <xsl:text> prioriterade system har en analys som är högst ett år gammal. </xsl:text>
    <xsl:variable name="high" select="$analyses/s:risk[@risk-value >= ../s:scale/@threshold]"/>
    <xsl:if test="$high">
      <xsl:text>Inriktningen är de risker som hotar verksamheten mest. Analyserna har </xsl:text>
      <xsl:call-template name="count-noun"><xsl:with-param name="n" select="count($high)"/><xsl:with-param name="one" select="'risk'"/><xsl:with-param name="many" select="'risker'"/></xsl:call-template>
      <xsl:text> på eller över acceptansnivån, bland annat: </xsl:text>
      <xsl:for-each select="$high">
        <xsl:sort select="@risk-value" data-type="number" order="descending"/>
        <xsl:if test="position() &lt;= 3">
          <xsl:if test="position() > 1">; </xsl:if>
          <xsl:value-of select="translate(substring(normalize-space(s:description), 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ', 'abcdefghijklmnopqrstuvwxyzåäö')"/>
          <xsl:value-of select="substring(normalize-space(s:description), 2, string-length(normalize-space(s:description)) - 2)"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:text>. </xsl:text>
    </xsl:if>
    <xsl:variable name="late" select="$analyses/s:risk/s:measure[s:gap[@rule = 'risk-overdue']] | $analyses/s:risk[s:gap[@rule = 'risk-overdue']]"/>
    <xsl:if test="$late">
      <xsl:choose>
        <xsl:when test="count($late) = 1">1 beslutad åtgärd är försenad och följs upp särskilt.</xsl:when>
        <xsl:otherwise><xsl:value-of select="count($late)"/> beslutade åtgärder är försenade och följs upp särskilt.</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
