<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  common.xsl - shared by every output format: lookups in the enriched
  project tree (ids, profile labels, roles, organs) and the link
  allow-list.  Imported, never applied on its own.

  The input is the enriched tree that styrdok prints with build and its dump option: <project> with the
  <profile>, and one <source> per file holding an <organisation> or a
  <document>.  The parameter doc names the document to render.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:c="urn:styrdok:change:1"
    exclude-result-prefixes="s c">

  <xsl:param name="doc"/>

  <xsl:key name="id" match="s:*[@id]" use="@id"/>
  <xsl:key name="analysis-of" match="s:risk-analysis" use="@system"/>
  <xsl:key name="label" match="s:profile/s:labels/s:label" use="@key"/>
  <xsl:key name="type" match="s:profile/s:types/s:type" use="@key"/>
  <xsl:key name="status" match="s:profile/s:statuses/s:status" use="@key"/>

  <xsl:variable name="profile" select="/s:project/s:profile"/>
  <xsl:variable name="org" select="/s:project/s:source/s:organisation"/>
  <!-- The name on every output: the profile's, else the organisation's. -->
  <xsl:variable name="org-name" select="normalize-space(($profile/s:name | $org/s:name)[1])"/>
  <!-- The profile's logo: its images as data, SVG first (profile.c). -->
  <xsl:variable name="logo" select="$profile/s:logo[s:image]"/>
  <xsl:variable name="logo-uri" select="concat('data:', $logo/s:image[1]/@type, ';base64,', $logo/s:image[1])"/>
  <!--
    The redline being rendered: the marked copy of a new version that
    styrdok's diff adds to the tree (see redline.xsl).  Empty here; each
    format's diff.xsl sets it, and the document stylesheets then render
    that copy, marks and all, instead of the source.
  -->
  <xsl:variable name="redline" select="/.."/>
  <xsl:variable name="document" select="$redline/s:document | /s:project/s:source/s:document[@id = $doc][not($redline)]"/>
  <xsl:variable name="meta" select="$document/s:meta"/>
  <xsl:variable name="sha256" select="$document/../@sha256"/>
  <xsl:variable name="short-hash" select="substring($sha256, 1, 12)"/>
  <!--
    What the short hash, shown to readers as "Dokument-id" in the page
    footer and the dokumentinformation, proves (one sentence).
  -->
  <xsl:variable name="doc-id-meaning" select="'Dokument-id räknas fram ur dokumentets text (de tolv första tecknen i dess SHA-256-summa), så en utskrift med samma dokument-id som diariets exemplar har exakt samma text: varje ändring ger ett nytt id.'"/>
  <xsl:variable name="is-draft" select="$meta/s:status = 'utkast' or $meta/s:status = 'remiss'"/>

  <!-- A field's text as the new version has it, without deleted words. -->
  <xsl:template match="c:del" mode="plain"/>

  <!-- Whether a node stands only as a deletion in a redline (1 or ""). -->
  <xsl:template name="is-gone">
    <xsl:if test="ancestor-or-self::*[@c:change][1]/@c:change = 'deleted' or ancestor-or-self::*[@c:change][1]/@c:change = 'moved-away'">1</xsl:if>
  </xsl:template>

  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:for-each select="$profile">
      <xsl:value-of select="key('label', $key)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="type-name">
    <xsl:param name="key" select="$document/@type"/>
    <xsl:for-each select="$profile">
      <xsl:value-of select="key('type', $key)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="status-name">
    <xsl:param name="key" select="$meta/s:status"/>
    <xsl:for-each select="$profile">
      <xsl:value-of select="key('status', $key)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The name of the role, organ or service with id $ref. -->
  <xsl:template name="name-of">
    <xsl:param name="ref"/>
    <xsl:variable name="target" select="key('id', $ref)"/>
    <xsl:choose>
      <xsl:when test="$target/s:name"><xsl:value-of select="$target/s:name"/></xsl:when>
      <xsl:when test="$target"><xsl:value-of select="normalize-space($target)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$ref"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "KF 2019-12-16 § 115", from an element with organ/date/paragraph. -->
  <xsl:template name="decision-ref">
    <xsl:param name="d" select="."/>
    <xsl:param name="with-date" select="true()"/>
    <xsl:value-of select="$d/@organ"/>
    <xsl:if test="$d/@date and $with-date">
      <xsl:text> </xsl:text><xsl:value-of select="$d/@date"/>
    </xsl:if>
    <xsl:if test="$d/@paragraph">
      <xsl:text> § </xsl:text><xsl:value-of select="$d/@paragraph"/>
    </xsl:if>
  </xsl:template>

  <!--
    Keeps only the characters in $allowed: used for values written into
    CSS, where HTML escaping does not apply.
  -->
  <xsl:template name="only">
    <xsl:param name="s"/>
    <xsl:param name="allowed" select="'abcdefghijklmnopqrstuvwxyz0123456789.-'"/>
    <xsl:value-of select="translate($s, translate($s, $allowed, ''), '')"/>
  </xsl:template>

  <!--
    The link allow-list of every format: relative references, #id, http,
    https and mailto.  Prints 1 when $url may be used.
  -->
  <xsl:template name="link-allowed">
    <xsl:param name="url"/>
    <xsl:variable name="lower" select="translate($url, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="before-colon" select="substring-before($url, ':')"/>
    <xsl:variable name="controls" select="'&#9;&#10;&#13; '"/>
    <xsl:choose>
      <xsl:when test="$url = '' or translate(substring($url, 1, 1), $controls, '') = ''"/>
      <xsl:when test="not(contains($url, ':'))">1</xsl:when>
      <xsl:when test="contains($before-colon, '/') or contains($before-colon, '?') or contains($before-colon, '#')">1</xsl:when>
      <xsl:when test="starts-with($lower, 'http:') or starts-with($lower, 'https:') or starts-with($lower, 'mailto:')">1</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Registers ===== -->

  <xsl:variable name="systems" select="/s:project/s:source/s:systems/s:system"/>
  <xsl:variable name="analyses" select="/s:project/s:source/s:risk-analysis"/>
  <xsl:variable name="plans" select="/s:project/s:source/s:continuity-plan"/>
  <!-- "include" shows parts marked restricted; by default they are left out. -->
  <xsl:param name="restricted" select="'omit'"/>

  <!--
    Who runs a system: the register's own words; else the organisation's
    IT unit (kind="own"), the provider's name (provider="id"), or
    "Leverantör".
  -->
  <xsl:template name="operator">
    <xsl:param name="o" select="s:operator"/>
    <xsl:choose>
      <xsl:when test="normalize-space($o) != ''"><xsl:value-of select="normalize-space($o)"/></xsl:when>
      <xsl:when test="$o/@provider"><xsl:value-of select="$org/s:providers/s:provider[@id = $o/@provider]/s:name"/></xsl:when>
      <xsl:when test="$o/@kind = 'own' and $org/s:it-unit"><xsl:value-of select="normalize-space($org/s:it-unit)"/></xsl:when>
      <xsl:when test="$o/@kind = 'own'">Kommunens IT-enhet</xsl:when>
      <xsl:otherwise>Leverantör</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The same in one word, for the register's overview table. -->
  <xsl:template name="operator-kind">
    <xsl:param name="o" select="s:operator"/>
    <xsl:variable name="p" select="$org/s:providers/s:provider[@id = $o/@provider]"/>
    <xsl:choose>
      <xsl:when test="$o/@kind = 'own'">Egen IT</xsl:when>
      <xsl:when test="$p/@short"><xsl:value-of select="$p/@short"/></xsl:when>
      <xsl:when test="$p"><xsl:value-of select="$p/s:name"/></xsl:when>
      <xsl:otherwise>Leverantör</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="covers">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c = 'office'">kontorstid</xsl:when>
      <xsl:when test="$c = 'extended'">utökad tid</xsl:when>
      <xsl:when test="$c = 'always'">dygnet runt</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="yes-no">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$v = 'yes'">Ja</xsl:when>
      <xsl:otherwise>Nej</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="risk-status">
    <xsl:param name="v" select="@status"/>
    <xsl:choose>
      <xsl:when test="$v = 'open'">Öppen</xsl:when>
      <xsl:when test="$v = 'planned'">Planerad</xsl:when>
      <xsl:when test="$v = 'done'">Åtgärdad</xsl:when>
      <xsl:when test="$v = 'accepted'">Accepterad</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="action-status">
    <xsl:param name="v" select="@status"/>
    <xsl:choose>
      <xsl:when test="$v = 'done'">Klar</xsl:when>
      <xsl:when test="$v = 'started'">Påbörjad</xsl:when>
      <xsl:otherwise>Planerad</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Roles this document names: owner, requirements, revision authors. -->
  <xsl:variable name="doc-roles"
      select="$org/s:roles/s:role[@id = $meta/s:owner/@role or @id = $document//s:requirement/@role or @id = $document/s:history/s:revision/@author]"/>

  <!--
    The four KLASSA aspects of system $sys as K/R/T/S levels; a
    spårbarhet not yet classified shows as "–".
  -->
  <xsl:template name="klassa">
    <xsl:param name="sys" select="."/>
    <xsl:variable name="c" select="$sys/s:classification"/>
    <xsl:value-of select="concat($c/@k, '/', $c/@r, '/', $c/@t, '/')"/>
    <xsl:choose>
      <xsl:when test="$c/@s"><xsl:value-of select="$c/@s"/></xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A number of hours as Swedish has it: "1 timme", "8 timmar". -->
  <xsl:template name="hours">
    <xsl:param name="n"/>
    <xsl:value-of select="$n"/>
    <xsl:choose>
      <xsl:when test="number($n) = 1"> timme</xsl:when>
      <xsl:otherwise> timmar</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Minutes as read aloud: "45 minuter", "1 timme", "2 timmar 30 minuter". -->
  <xsl:template name="duration">
    <xsl:param name="minutes"/>
    <xsl:variable name="h" select="floor($minutes div 60)"/>
    <xsl:variable name="m" select="$minutes mod 60"/>
    <xsl:if test="$h &gt; 0">
      <xsl:call-template name="hours"><xsl:with-param name="n" select="$h"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$h &gt; 0 and $m &gt; 0"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="$m &gt; 0 or $h = 0">
      <xsl:value-of select="$m"/>
      <xsl:choose>
        <xsl:when test="$m = 1"> minut</xsl:when>
        <xsl:otherwise> minuter</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!--
    A gap as readers see it: the Swedish text the profile keeps for its
    rule (<gap-text rule="...">), else the diagnostic's own message.
  -->
  <xsl:template name="gap-text">
    <xsl:param name="g" select="."/>
    <xsl:variable name="t" select="/s:project/s:profile/s:gap-texts/s:gap-text[@rule = $g/@rule]"/>
    <xsl:choose>
      <xsl:when test="$t"><xsl:value-of select="normalize-space($t)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$g"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
