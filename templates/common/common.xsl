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

  <!--
    Roles this document names: owner, requirements, revision authors (in
    a redline, those the new version names: a requirement that is gone
    keeps no role in the table, as accepting the changes would leave it).
  -->
  <xsl:variable name="doc-roles"
      select="$org/s:roles/s:role[@id = $meta/s:owner/@role or @id = $document//s:requirement[not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]/@role or @id = $document/s:history/s:revision/@author]"/>

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
    <xsl:call-template name="count-noun">
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="one" select="'timme'"/>
      <xsl:with-param name="many" select="'timmar'"/>
    </xsl:call-template>
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
    A number with its noun as Swedish has it: "1 timme", "2 timmar",
    "1 system", "3 steg".  $one and $many are the noun's two forms.
  -->
  <xsl:template name="count-noun">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many" select="$one"/>
    <xsl:value-of select="$n"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="number($n) = 1"><xsl:value-of select="$one"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$many"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date YYYY-MM-DD as in Swedish running text: "2 december 2026". -->
  <xsl:template name="date-words">
    <xsl:param name="d"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($d) != 10 or not($m &gt;= 1 and $m &lt;= 12)"><xsl:value-of select="$d"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="number(substring($d, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$m = 1">januari</xsl:when>
          <xsl:when test="$m = 2">februari</xsl:when>
          <xsl:when test="$m = 3">mars</xsl:when>
          <xsl:when test="$m = 4">april</xsl:when>
          <xsl:when test="$m = 5">maj</xsl:when>
          <xsl:when test="$m = 6">juni</xsl:when>
          <xsl:when test="$m = 7">juli</xsl:when>
          <xsl:when test="$m = 8">augusti</xsl:when>
          <xsl:when test="$m = 9">september</xsl:when>
          <xsl:when test="$m = 10">oktober</xsl:when>
          <xsl:when test="$m = 11">november</xsl:when>
          <xsl:when test="$m = 12">december</xsl:when>
        </xsl:choose>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($d, 1, 4)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The KLASSA aspects named by letters ("k r") in words, joined with "och". -->
  <xsl:template name="aspect-words">
    <xsl:param name="list"/>
    <xsl:variable name="l" select="normalize-space($list)"/>
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="contains($l, ' ')"><xsl:value-of select="substring-before($l, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rest" select="substring-after($l, ' ')"/>
    <xsl:choose>
      <xsl:when test="$first = 'k'">konfidentialitet</xsl:when>
      <xsl:when test="$first = 'r'">riktighet</xsl:when>
      <xsl:when test="$first = 't'">tillgänglighet</xsl:when>
      <xsl:when test="$first = 's'">spårbarhet</xsl:when>
      <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$rest != ''">
      <xsl:choose>
        <xsl:when test="contains($rest, ' ')">, </xsl:when>
        <xsl:otherwise> och </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="aspect-words"><xsl:with-param name="list" select="$rest"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!--
    A gap as readers see it: the Swedish text the profile keeps for it in
    <gap-texts>, under key "RULE/CASE" (the variant the gap's case=
    names), else "RULE".  Each {fact} in the text is replaced by the
    gap's attribute of that name (set where the gap is found, see
    gap_fact() in src/diag.c), shaped by what follows the name:
    {date datum} "2 december 2026", {minutes tid} "2 timmar 30 minuter",
    {aspects aspekter} "konfidentialitet och riktighet", and
    {hours timme timmar} the number with the noun's singular or plural.
    A gap without a text is a fault of the profile; it shows as such, in
    Swedish, and tests/print/language.sh fails on it.
  -->
  <!-- Read once: looking them up per gap scans every source each time. -->
  <xsl:variable name="gap-texts" select="/s:project/s:profile/s:gap-texts/s:gap-text"/>

  <xsl:template name="gap-text">
    <xsl:param name="g" select="."/>
    <xsl:variable name="t" select="($gap-texts[@key = concat($g/@rule, '/', $g/@case)] | $gap-texts[@key = $g/@rule][not($g/@case)])[1]"/>
    <xsl:choose>
      <xsl:when test="$t">
        <xsl:call-template name="gap-fill">
          <xsl:with-param name="g" select="$g"/>
          <xsl:with-param name="s" select="normalize-space($t)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>Brist utan text i profilen (<xsl:value-of select="concat($g/@rule, substring('/', 1, count($g/@case)), $g/@case)"/>).</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s with each {fact ...} filled from the attributes of gap $g. -->
  <xsl:template name="gap-fill">
    <xsl:param name="g"/>
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '{') and contains(substring-after($s, '{'), '}')">
        <xsl:variable name="spec" select="normalize-space(substring-before(substring-after($s, '{'), '}'))"/>
        <xsl:variable name="name">
          <xsl:choose>
            <xsl:when test="contains($spec, ' ')"><xsl:value-of select="substring-before($spec, ' ')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$spec"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="how" select="substring-after($spec, ' ')"/>
        <xsl:variable name="v" select="string($g/@*[local-name() = $name])"/>
        <xsl:value-of select="substring-before($s, '{')"/>
        <xsl:choose>
          <xsl:when test="$how = 'datum'">
            <xsl:call-template name="date-words"><xsl:with-param name="d" select="$v"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$how = 'tid'">
            <xsl:call-template name="duration"><xsl:with-param name="minutes" select="number($v)"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$how = 'aspekter'">
            <xsl:call-template name="aspect-words"><xsl:with-param name="list" select="$v"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$how != ''">
            <xsl:call-template name="count-noun">
              <xsl:with-param name="n" select="$v"/>
              <xsl:with-param name="one">
                <xsl:choose>
                  <xsl:when test="contains($how, ' ')"><xsl:value-of select="substring-before($how, ' ')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$how"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="many">
                <xsl:choose>
                  <xsl:when test="contains($how, ' ')"><xsl:value-of select="substring-after($how, ' ')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$how"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="gap-fill">
          <xsl:with-param name="g" select="$g"/>
          <xsl:with-param name="s" select="substring-after(substring-after($s, '{'), '}')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- After a level-4 decision: the separate risk analysis it rests on. -->
  <xsl:template name="level4-analysis">
    <xsl:variable name="a" select="/s:project/s:source/s:risk-analysis[@id = current()/s:level4/@analysis]"/>
    <xsl:if test="$a">
      <xsl:text> (särskild riskanalys </xsl:text>
      <xsl:value-of select="$a/@date"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
