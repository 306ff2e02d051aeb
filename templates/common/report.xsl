<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl (common) - what every format of the governance report
  measures: the status of each audit finding from the gaps the rules
  attached to the tree and from the documents that exist, and the
  selections the answers to the auditors' questions are made of.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:variable name="audits" select="/s:project/s:source/s:audit"/>
  <xsl:variable name="all-gaps" select="/s:project/s:source//s:gap"/>
  <xsl:variable name="documents" select="/s:project/s:source/s:document"/>
  <xsl:variable name="actions" select="/s:project/s:source/s:action-plan/s:action"/>
  <xsl:variable name="as-of" select="/s:project/@as-of"/>
  <xsl:variable name="outside-hours" select="$systems[@outside-hours = 'yes']"/>
  <xsl:variable name="prioritised" select="$systems[@prioritised = 'yes']"/>

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
    <xsl:choose>
      <xsl:when test="$gaps > 0 or ($f/@doc and not($d))">open</xsl:when>
      <xsl:when test="$f/@doc and $d/s:meta/s:status != 'beslutad'">in-progress</xsl:when>
      <xsl:otherwise>resolved</xsl:otherwise>
    </xsl:choose>
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
</xsl:stylesheet>
