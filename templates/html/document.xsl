<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  document.xsl - one governing document as a self-contained HTML5 page:
  masthead, the front-page metadata block (dokumentinformation), table of
  contents, numbered sections and requirements, the roles the document
  names, versionshistorik, and page furniture (version and the short
  Dokument-id) on screen and in the footer of every printed page.
  In a redline (diff.xsl) the same page shows the marks of styrdok's
  diff: inserted blocks underlined, deleted ones struck through, a bar
  in the margin beside each change, words for screen readers.
  Parameter: doc, the document id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:c="urn:styrdok:change:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="s md c exsl">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../common/model.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="css.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="status-name"><xsl:call-template name="status-name"/></xsl:variable>
  <xsl:variable name="type-name"><xsl:call-template name="type-name"/></xsl:variable>

  <!--
    Version and Dokument-id, safe for CSS as well as HTML: the masthead
    line and the footer of every printed page (no file id: the pages
    are read by politicians; the full hash is in the meta elements).
  -->
  <xsl:variable name="furniture">
    <xsl:text>version </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$meta/s:version"/></xsl:call-template>
    <xsl:text> · Dokument-id </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$short-hash"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$meta/s:title"/> – <xsl:value-of select="$org-name"/></title>
        <meta name="author" content="{$org-name}"/>
        <meta name="description" content="{$type-name}: {$meta/s:title}, version {$meta/s:version} ({$status-name})"/>
        <xsl:if test="$meta/s:keywords"><meta name="keywords" content="{$meta/s:keywords}"/></xsl:if>
        <meta name="styrdok:id" content="{$doc}"/>
        <meta name="styrdok:version" content="{$meta/s:version}"/>
        <meta name="styrdok:status" content="{$meta/s:status}"/>
        <meta name="styrdok:sha256" content="{$sha256}"/>
        <style>
          <xsl:call-template name="css">
            <xsl:with-param name="furniture" select="$furniture"/>
          </xsl:call-template>
        </style>
      </head>
      <body>
        <xsl:if test="$is-draft"><xsl:attribute name="class">draft</xsl:attribute></xsl:if>
        <a class="skip" href="#styrdok-main">Till innehållet</a>
        <header class="masthead">
          <xsl:call-template name="org-line"/>
          <p class="doctype"><xsl:value-of select="$type-name"/></p>
          <p class="stamp"><xsl:value-of select="concat('Version ', $meta/s:version, ' · Dokument-id ', $short-hash)"/></p>
        </header>
        <xsl:if test="$is-draft">
          <p class="draft-mark">UTKAST – <xsl:value-of select="$status-name"/>, inte beslutad</p>
        </xsl:if>
        <main id="styrdok-main">
          <xsl:variable name="content">
            <xsl:call-template name="h1"><xsl:with-param name="text" select="string($meta/s:title)"/></xsl:call-template>
            <xsl:call-template name="docinfo"/>
            <xsl:call-template name="redline-summary"/>
            <xsl:call-template name="toc"/>
            <xsl:apply-templates select="$document/s:body/s:section"/>
            <xsl:call-template name="roles"/>
            <xsl:call-template name="history"/>
            <xsl:apply-templates select="$document/s:acknowledgement"/>
          </xsl:variable>
          <xsl:apply-templates select="exsl:node-set($content)/node()" mode="wrap-tables"/>
        </main>
        <footer class="page-footer">
          <p><xsl:value-of select="$org-name"/> · <xsl:value-of select="$meta/s:title"/> · version <xsl:value-of select="$meta/s:version"/> · <xsl:value-of select="$status-name"/></p>
          <p>Dokument-id <xsl:value-of select="$short-hash"/></p>
          <xsl:if test="/s:project/@build-date">
            <p>Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</p>
          </xsl:if>
          <xsl:call-template name="profile-footer"/>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== Front-page metadata block ===== -->

  <!-- Where a redline puts its summary of changes (see diff.xsl). -->
  <xsl:template name="redline-summary"/>

  <xsl:template name="docinfo">
    <section class="docinfo" aria-labelledby="styrdok-docinfo">
      <h2 id="styrdok-docinfo">Dokumentinformation</h2>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table>
        <tbody>
          <xsl:for-each select="$docinfo">
            <tr>
              <th scope="row"><xsl:value-of select="@label"/></th>
              <td>
                <xsl:if test="old">
                  <del><span class="visually-hidden">borttaget: </span><xsl:value-of select="old"/></del>
                  <xsl:text> </xsl:text>
                </xsl:if>
                <xsl:for-each select="v">
                  <xsl:if test="position() > 1"><br/></xsl:if>
                  <xsl:choose>
                    <xsl:when test="../old"><ins><span class="visually-hidden">infogat: </span><xsl:apply-templates select="." mode="docinfo"/></ins></xsl:when>
                    <xsl:otherwise><xsl:apply-templates select="." mode="docinfo"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
          <tr>
            <th scope="row">Dokument-id</th>
            <td><xsl:value-of select="$short-hash"/><br/><span class="doc-id-note"><xsl:value-of select="$doc-id-meaning"/></span></td>
          </tr>
        </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- A value: text, a gap, or a link to another document's current output. -->
  <xsl:template match="v" mode="docinfo">
    <xsl:choose>
      <xsl:when test="@gap = 'yes'"><span class="gap"><xsl:value-of select="."/></span></xsl:when>
      <xsl:when test="@doc">
        <a href="../../{@doc}/{@version}/{@doc}.html"><xsl:value-of select="."/></a>
        <xsl:text> (version </xsl:text><xsl:value-of select="@version"/><xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:when test="@missing = 'yes'">
        <xsl:value-of select="."/>
        <xsl:text> – </xsl:text><span class="gap">saknas ännu</span>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Redline marks ===== -->

  <!-- The title, statement or name of a block, with its word marks. -->
  <xsl:template match="s:title | s:statement | s:name | s:definition" mode="marked">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ===== Table of contents ===== -->

  <xsl:template name="toc">
    <nav class="toc" aria-labelledby="styrdok-toc">
      <h2 id="styrdok-toc">Innehåll</h2>
      <ol>
        <xsl:apply-templates select="$document/s:body/s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/>
        <xsl:if test="$doc-roles"><li><a href="#styrdok-roles">Roller i dokumentet</a></li></xsl:if>
        <li><a href="#styrdok-history">Versionshistorik</a></li>
        <xsl:if test="$document/s:acknowledgement">
          <li><a href="#styrdok-ack">Bilaga: <xsl:value-of select="$document/s:acknowledgement/s:title"/></a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="s:section" mode="toc">
    <li>
      <a href="#{@id}"><span class="num"><xsl:value-of select="@num"/></span><xsl:apply-templates select="s:title" mode="plain"/></a>
      <xsl:if test="s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]">
        <ol><xsl:apply-templates select="s:section[not(@c:change = 'deleted' or @c:change = 'moved-away')]" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ===== Body ===== -->

  <!-- Where the document's own headings start below h1 (the packet shifts them). -->
  <xsl:variable name="heading-offset" select="0"/>

  <xsl:template match="s:section">
    <xsl:variable name="depth" select="count(ancestor::s:section) + 2 + $heading-offset"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$depth > 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section id="{@id}">
      <xsl:call-template name="chg"/>
      <xsl:element name="h{$level}">
        <xsl:for-each select="s:title"><xsl:call-template name="chg"/></xsl:for-each>
        <xsl:call-template name="chg-note"><xsl:with-param name="seen" select="true()"/></xsl:call-template>
        <span class="num"><xsl:value-of select="@num"/></span>
        <xsl:apply-templates select="s:title" mode="marked"/>
      </xsl:element>
      <xsl:apply-templates select="*[not(self::s:title)]"/>
    </section>
  </xsl:template>

  <xsl:template match="s:prose"><xsl:apply-templates/></xsl:template>

  <xsl:template match="s:requirement">
    <xsl:variable name="parts"><xsl:call-template name="requirement-parts"/></xsl:variable>
    <div class="req" id="{@id}">
      <xsl:call-template name="chg"/>
      <p class="req-head">
        <xsl:call-template name="chg-note"><xsl:with-param name="seen" select="true()"/></xsl:call-template>
        <span class="req-num"><xsl:call-template name="requirement-label"/></span>
      </p>
      <p class="req-text">
        <xsl:for-each select="s:statement"><xsl:call-template name="chg"/></xsl:for-each>
        <xsl:apply-templates select="s:statement" mode="marked"/>
      </p>
      <p class="req-meta">
        <xsl:for-each select="exsl:node-set($parts)/part">
          <xsl:if test="position() > 1"> · </xsl:if>
          <xsl:value-of select="concat(@label, ': ')"/>
          <xsl:if test="old">
            <del><span class="visually-hidden">borttaget: </span><xsl:value-of select="old"/></del>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="@ref and old"><ins><span class="visually-hidden">infogat: </span><a href="#role-{@ref}"><xsl:value-of select="v"/></a></ins></xsl:when>
            <xsl:when test="@ref"><a href="#role-{@ref}"><xsl:value-of select="v"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="v"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </p>
      <xsl:apply-templates select="s:prose"/>
    </div>
  </xsl:template>

  <xsl:template match="s:definitions">
    <dl class="terms">
      <xsl:for-each select="s:term">
        <dt id="{@id}">
          <xsl:call-template name="chg"/>
          <xsl:call-template name="chg-note"/>
          <xsl:apply-templates select="s:name" mode="marked"/>
        </dt>
        <dd>
          <xsl:call-template name="chg"/>
          <xsl:apply-templates select="s:definition" mode="marked"/>
        </dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- The responsibility matrix, written once in its own source. -->
  <xsl:template match="s:matrix-ref">
    <xsl:variable name="m" select="key('id', @ref)"/>
    <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
      <xsl:call-template name="chg"/>
      <xsl:call-template name="chg-note"/>
      <table class="raci">
        <caption><xsl:value-of select="$m/s:title"/></caption>
        <thead>
          <tr>
            <th scope="col">Aktivitet</th>
            <xsl:for-each select="$m/s:parties/s:party"><th scope="col"><xsl:value-of select="."/></th></xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$m/s:activity">
            <xsl:variable name="a" select="."/>
            <tr>
              <th scope="row"><xsl:value-of select="s:name"/></th>
              <xsl:for-each select="$m/s:parties/s:party">
                <xsl:variable name="part" select="$a/s:part[@party = current()/@id]"/>
                <td>
                  <xsl:value-of select="$part/@role"/>
                  <xsl:if test="$part">
                    <span class="visually-hidden">
                      <xsl:choose>
                        <xsl:when test="$part/@role = 'A'"> (ansvarar)</xsl:when>
                        <xsl:when test="$part/@role = 'U'"> (utför)</xsl:when>
                        <xsl:when test="$part/@role = 'S'"> (stödjer)</xsl:when>
                        <xsl:otherwise> (informeras)</xsl:otherwise>
                      </xsl:choose>
                    </span>
                  </xsl:if>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="$m/s:legend"><p class="req-meta"><xsl:value-of select="$m/s:legend"/></p></xsl:if>
  </xsl:template>

  <!-- The acknowledgement staff sign: a page of its own when printed. -->
  <xsl:template match="s:acknowledgement">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <section class="ack" aria-labelledby="styrdok-ack">
      <h2 id="styrdok-ack">Bilaga: <xsl:value-of select="s:title"/></h2>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table class="docinfo">
        <caption>Dokumentet bekräftelsen gäller</caption>
        <tbody>
          <tr><th scope="row">Dokument</th><td><xsl:value-of select="$meta/s:title"/></td></tr>
          <tr><th scope="row">Version</th><td><xsl:value-of select="$meta/s:version"/> (<xsl:value-of select="$status-name"/>)</td></tr>
          <tr>
            <th scope="row">Beslut</th>
            <td>
              <xsl:choose>
                <xsl:when test="$dec/@date"><xsl:call-template name="decision-ref"><xsl:with-param name="d" select="$dec"/></xsl:call-template><xsl:if test="$dec/@dnr">, dnr <xsl:value-of select="$dec/@dnr"/></xsl:if></xsl:when>
                <xsl:otherwise>Ej beslutad</xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr><th scope="row">Kontrollsumma</th><td class="stamp"><xsl:value-of select="$short-hash"/></td></tr>
        </tbody>
        </table>
      </div>
      <p class="req-text"><xsl:value-of select="s:statement"/></p>
      <table class="docinfo sign">
        <caption>Fylls i av medarbetaren</caption>
        <tbody>
          <tr><th scope="row">Namn</th><td></td></tr>
          <tr><th scope="row">Förvaltning och enhet</th><td></td></tr>
          <tr><th scope="row">Befattning</th><td></td></tr>
          <tr><th scope="row">Anställningsnummer</th><td></td></tr>
          <tr><th scope="row">Ort och datum</th><td></td></tr>
          <tr><th scope="row">Underskrift</th><td></td></tr>
        </tbody>
      </table>
      <p><xsl:value-of select="s:filing"/></p>
    </section>
  </xsl:template>

  <!-- ===== Roles and history ===== -->

  <xsl:template name="roles">
    <xsl:if test="$doc-roles">
      <section aria-labelledby="styrdok-roles">
        <h2 id="styrdok-roles">Roller i dokumentet</h2>
        <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
          <table>
          <caption>Roller som dokumentet ger ansvar, med innehavare och krav</caption>
          <thead>
            <tr><th scope="col">Roll</th><th scope="col">Innehas av</th><th scope="col">Utses av</th><th scope="col">Ansvarar för krav</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$doc-roles">
              <xsl:variable name="rid" select="@id"/>
              <tr id="role-{@id}">
                <th scope="row"><xsl:value-of select="s:name"/></th>
                <td>
                  <xsl:for-each select="s:holder">
                    <xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/>
                  </xsl:for-each>
                </td>
                <td><xsl:value-of select="s:appointed-by"/></td>
                <td>
                  <xsl:variable name="reqs" select="$document//s:requirement[@role = $rid][not(ancestor-or-self::*[@c:change = 'deleted' or @c:change = 'moved-away'])]"/>
                  <xsl:for-each select="$reqs">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <a href="#{@id}"><xsl:value-of select="@num"/></a>
                  </xsl:for-each>
                  <xsl:if test="not($reqs)">–</xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
          </table>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="history">
    <section aria-labelledby="styrdok-history">
      <h2 id="styrdok-history">Versionshistorik</h2>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table>
        <caption>Versioner av dokumentet, äldst först</caption>
        <thead>
          <tr><th scope="col">Version</th><th scope="col">Datum</th><th scope="col">Beslut</th><th scope="col">Ansvarig</th><th scope="col">Ändring</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$document/s:history/s:revision">
            <tr>
              <th scope="row"><xsl:value-of select="@version"/></th>
              <td><xsl:value-of select="@date"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@organ">
                    <xsl:call-template name="decision-ref"><xsl:with-param name="with-date" select="false()"/></xsl:call-template>
                    <xsl:if test="@dnr">, dnr <xsl:value-of select="@dnr"/></xsl:if>
                  </xsl:when>
                  <xsl:otherwise>Ej beslutad</xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:if test="@author"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@author"/></xsl:call-template></xsl:if>
              </td>
              <td>
                <xsl:value-of select="."/>
                <xsl:if test="@superseded"> Upphävd genom <xsl:value-of select="@superseded"/>.</xsl:if>
                <xsl:if test="@archived = 'no'"> <em>(Texten är inte arkiverad.)</em></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
