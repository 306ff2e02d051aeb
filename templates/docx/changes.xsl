<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  changes.xsl (docx) - a redline's marks (common/redline.xsl) as tracked
  changes, imported by diff.xsl after document.xsl so that its run,
  para-mark, track and rev-id replace the plain ones of package.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:c="urn:styrdok:change:1"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    exclude-result-prefixes="s c w">

  <!--
    A run whose node is inserted (inside c:ins, or in a block marked
    inserted) is a w:ins, a deleted one a w:del with w:delText, so an
    official can accept or reject each change in Word and accepting all
    of them gives the new version's text.  A paragraph added or removed
    whole has its paragraph mark tracked too.  The author is the role
    that owns the document; the date is the build date, never a clock.
  -->

  <xsl:variable name="rev-author">
    <xsl:variable name="owner" select="/s:project/s:source/s:organisation//s:role[@id = $meta/s:owner/@role]"/>
    <xsl:choose>
      <xsl:when test="$owner"><xsl:value-of select="normalize-space($owner/s:name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$org-name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- "ins", "del" or "" for the text of the context node. -->
  <xsl:template name="track">
    <xsl:variable name="block" select="ancestor-or-self::*[@c:change][1]/@c:change"/>
    <xsl:choose>
      <xsl:when test="ancestor-or-self::c:ins">ins</xsl:when>
      <xsl:when test="ancestor-or-self::c:del">del</xsl:when>
      <xsl:when test="$block = 'inserted'">ins</xsl:when>
      <xsl:when test="$block = 'deleted' or $block = 'moved-away'">del</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!--
    A revision id unique in the document: from the context node's place
    in it, four per node ($slot 0..3 tells a node's runs apart), above
    the bookmark ids.
  -->
  <xsl:template name="rev-id">
    <xsl:param name="slot" select="0"/>
    <xsl:variable name="n"><xsl:number level="any" count="node()" from="s:document"/></xsl:variable>
    <xsl:value-of select="1000000 + 4 * $n + $slot"/>
  </xsl:template>

  <xsl:template name="rev-attrs">
    <xsl:param name="rev"/>
    <xsl:attribute name="w:id"><xsl:value-of select="$rev"/></xsl:attribute>
    <xsl:attribute name="w:author"><xsl:value-of select="$rev-author"/></xsl:attribute>
    <xsl:if test="$build-datetime != ''">
      <xsl:attribute name="w:date"><xsl:value-of select="$build-datetime"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!--
    The tracked paragraph mark (in w:pPr, last) of a block added or
    removed whole; $rev: its revision id when the context node has
    another paragraph already.
  -->
  <xsl:template name="para-mark">
    <xsl:param name="rev" select="''"/>
    <xsl:variable name="block" select="ancestor-or-self::*[@c:change][1]/@c:change"/>
    <xsl:variable name="how">
      <xsl:choose>
        <xsl:when test="$block = 'inserted'">ins</xsl:when>
        <xsl:when test="$block = 'deleted' or $block = 'moved-away'">del</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$how != ''">
      <w:rPr>
        <xsl:element name="w:{$how}">
          <xsl:call-template name="rev-attrs">
            <xsl:with-param name="rev">
              <xsl:choose>
                <xsl:when test="$rev != ''"><xsl:value-of select="$rev"/></xsl:when>
                <xsl:otherwise><xsl:call-template name="rev-id"><xsl:with-param name="slot" select="3"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:element>
      </w:rPr>
    </xsl:if>
  </xsl:template>

  <!--
    One run of text with optional character formatting, tracked as the
    context node says ($track overrides: "ins", "del", or "none"; $rev
    gives the revision id, $slot tells runs of one node apart).
  -->
  <xsl:template name="run">
    <xsl:param name="text"/>
    <xsl:param name="style" select="''"/>
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="color" select="''"/>
    <xsl:param name="track"><xsl:call-template name="track"/></xsl:param>
    <xsl:param name="slot" select="0"/>
    <xsl:param name="rev" select="''"/>
    <xsl:if test="string($text) != ''">
      <xsl:choose>
        <xsl:when test="$track = 'ins' or $track = 'del'">
          <xsl:element name="w:{$track}">
            <xsl:call-template name="rev-attrs">
              <xsl:with-param name="rev">
                <xsl:choose>
                  <xsl:when test="$rev != ''"><xsl:value-of select="$rev"/></xsl:when>
                  <xsl:otherwise><xsl:call-template name="rev-id"><xsl:with-param name="slot" select="$slot"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="run-body">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="style" select="$style"/>
              <xsl:with-param name="b" select="$b"/>
              <xsl:with-param name="i" select="$i"/>
              <xsl:with-param name="code" select="$code"/>
              <xsl:with-param name="color" select="$color"/>
              <xsl:with-param name="deleted" select="$track = 'del'"/>
            </xsl:call-template>
          </xsl:element>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="run-body">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="style" select="$style"/>
            <xsl:with-param name="b" select="$b"/>
            <xsl:with-param name="i" select="$i"/>
            <xsl:with-param name="code" select="$code"/>
            <xsl:with-param name="color" select="$color"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>


</xsl:stylesheet>
