<?xml version="1.0" encoding="UTF-8"?>
<!--
  document.xsl - one governing document as a self-contained HTML5 page:
  masthead, the front-page metadata block (dokumentinformation), table of
  contents, numbered sections and requirements, the roles the document
  names, versionshistorik, and page furniture (id, version, status and
  the short content hash) on screen and on every printed page.
  Parameter: doc, the document id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="s md str">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="commonmark.xsl"/>
  <xsl:import href="css.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="status-name"><xsl:call-template name="status-name"/></xsl:variable>
  <xsl:variable name="type-name"><xsl:call-template name="type-name"/></xsl:variable>

  <!-- id · version · status · hash, safe for CSS as well as HTML. -->
  <xsl:variable name="furniture">
    <xsl:call-template name="only"><xsl:with-param name="s" select="$doc"/></xsl:call-template>
    <xsl:text> · version </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$meta/s:version"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$meta/s:status"/></xsl:call-template>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="only"><xsl:with-param name="s" select="$short-hash"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$meta/s:title"/> – <xsl:value-of select="$org/s:name"/></title>
        <meta name="author" content="{$org/s:name}"/>
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
          <p class="org"><xsl:value-of select="$org/s:name"/></p>
          <p class="doctype"><xsl:value-of select="$type-name"/></p>
          <p class="stamp"><xsl:value-of select="$furniture"/></p>
        </header>
        <xsl:if test="$is-draft">
          <p class="draft-mark">UTKAST – <xsl:value-of select="$status-name"/>, inte beslutad</p>
        </xsl:if>
        <main id="styrdok-main">
          <h1><xsl:value-of select="$meta/s:title"/></h1>
          <xsl:call-template name="docinfo"/>
          <xsl:call-template name="toc"/>
          <xsl:apply-templates select="$document/s:body/s:section"/>
          <xsl:call-template name="roles"/>
          <xsl:call-template name="history"/>
          <xsl:apply-templates select="$document/s:acknowledgement"/>
        </main>
        <footer class="page-footer">
          <p><xsl:value-of select="$org/s:name"/> · <xsl:value-of select="$meta/s:title"/> · version <xsl:value-of select="$meta/s:version"/> · <xsl:value-of select="$status-name"/></p>
          <p>Källans SHA-256: <span class="stamp"><xsl:value-of select="$sha256"/></span></p>
          <xsl:if test="/s:project/@build-date">
            <p>Framställd <xsl:value-of select="/s:project/@build-date"/> med styrdok.</p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== Front-page metadata block ===== -->

  <xsl:template name="row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <tr>
      <th scope="row"><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></th>
      <td><xsl:copy-of select="$value"/></td>
    </tr>
  </xsl:template>

  <xsl:template name="docinfo">
    <xsl:variable name="dec" select="$meta/s:decision"/>
    <section class="docinfo" aria-labelledby="styrdok-docinfo">
      <h2 id="styrdok-docinfo">Dokumentinformation</h2>
      <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
        <table>
        <tbody>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'type'"/>
            <xsl:with-param name="value" select="$type-name"/>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'decided-by'"/>
            <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$dec/@organ"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'decision-date'"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$dec/@date"><xsl:value-of select="$dec/@date"/></xsl:when>
                <xsl:otherwise><span class="gap">Ej beslutad</span></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:if test="$dec/@paragraph">
            <xsl:call-template name="row">
              <xsl:with-param name="key" select="'paragraph'"/>
              <xsl:with-param name="value" select="concat('§ ', $dec/@paragraph)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$dec/@dnr">
            <xsl:call-template name="row">
              <xsl:with-param name="key" select="'dnr'"/>
              <xsl:with-param name="value" select="string($dec/@dnr)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'owner'"/>
            <xsl:with-param name="value"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="$meta/s:owner/@role"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'applies-to'"/>
            <xsl:with-param name="value" select="string($meta/s:applies-to)"/>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'valid-from'"/>
            <xsl:with-param name="value">
              <xsl:choose>
                <xsl:when test="$meta/s:valid-from"><xsl:value-of select="$meta/s:valid-from"/></xsl:when>
                <xsl:otherwise>Från beslutsdatum</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'review-by'"/>
            <xsl:with-param name="value" select="string($meta/s:review-by)"/>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'version'"/>
            <xsl:with-param name="value" select="string($meta/s:version)"/>
          </xsl:call-template>
          <xsl:call-template name="row">
            <xsl:with-param name="key" select="'status'"/>
            <xsl:with-param name="value" select="$status-name"/>
          </xsl:call-template>
          <xsl:if test="$meta/s:supersedes">
            <xsl:call-template name="row">
              <xsl:with-param name="key" select="'supersedes'"/>
              <xsl:with-param name="value">
                <xsl:for-each select="$meta/s:supersedes">
                  <xsl:if test="position() > 1"><br/></xsl:if>
                  <xsl:value-of select="."/>
                  <xsl:text> (</xsl:text><xsl:call-template name="decision-ref"/><xsl:text>)</xsl:text>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$meta/s:requires">
            <xsl:call-template name="row">
              <xsl:with-param name="key" select="'requires'"/>
              <xsl:with-param name="value">
                <xsl:for-each select="$meta/s:requires">
                  <xsl:if test="position() > 1"><br/></xsl:if>
                  <xsl:call-template name="doc-link"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$meta/s:related">
            <xsl:call-template name="row">
              <xsl:with-param name="key" select="'related'"/>
              <xsl:with-param name="value">
                <xsl:for-each select="$meta/s:related">
                  <xsl:if test="position() > 1"><br/></xsl:if>
                  <xsl:call-template name="doc-link"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- A link to another document's current output, or a visible gap. -->
  <xsl:template name="doc-link">
    <xsl:variable name="target" select="/s:project/s:source/s:document[@id = current()/@doc]"/>
    <xsl:choose>
      <xsl:when test="$target">
        <a href="../../{$target/@id}/{$target/s:meta/s:version}/{$target/@id}.html">
          <xsl:value-of select="$target/s:meta/s:title"/>
        </a>
        <xsl:text> (version </xsl:text><xsl:value-of select="$target/s:meta/s:version"/><xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:text> – </xsl:text><span class="gap">saknas ännu</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Table of contents ===== -->

  <xsl:template name="toc">
    <nav class="toc" aria-labelledby="styrdok-toc">
      <h2 id="styrdok-toc">Innehåll</h2>
      <ol>
        <xsl:apply-templates select="$document/s:body/s:section" mode="toc"/>
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
      <a href="#{@id}"><span class="num"><xsl:value-of select="@num"/></span><xsl:value-of select="s:title"/></a>
      <xsl:if test="s:section">
        <ol><xsl:apply-templates select="s:section" mode="toc"/></ol>
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
      <xsl:element name="h{$level}">
        <span class="num"><xsl:value-of select="@num"/></span>
        <xsl:value-of select="s:title"/>
      </xsl:element>
      <xsl:apply-templates select="*[not(self::s:title)]"/>
    </section>
  </xsl:template>

  <xsl:template match="s:prose"><xsl:apply-templates/></xsl:template>

  <xsl:template match="s:requirement">
    <div class="req" id="{@id}">
      <p class="req-head"><span class="req-num">Krav <xsl:value-of select="@num"/></span> · <xsl:value-of select="@id"/></p>
      <p class="req-text"><xsl:value-of select="s:statement"/></p>
      <p class="req-meta">
        <xsl:text>Ansvarig: </xsl:text>
        <a href="#role-{@role}"><xsl:call-template name="name-of"><xsl:with-param name="ref" select="@role"/></xsl:call-template></a>
        <xsl:if test="@service">
          <xsl:text> · Utförs genom: </xsl:text>
          <xsl:variable name="svc" select="key('id', @service)"/>
          <xsl:value-of select="$svc/s:name"/>
          <xsl:if test="$svc/parent::s:provider"> (<xsl:value-of select="$svc/parent::s:provider/s:name"/>)</xsl:if>
        </xsl:if>
        <xsl:if test="@iso27002">
          <xsl:text> · ISO/IEC 27002: </xsl:text><xsl:value-of select="str:replace(normalize-space(@iso27002), ' ', ', ')"/>
        </xsl:if>
      </p>
      <xsl:apply-templates select="s:prose"/>
    </div>
  </xsl:template>

  <xsl:template match="s:definitions">
    <dl class="terms">
      <xsl:for-each select="s:term">
        <dt id="{@id}"><xsl:value-of select="s:name"/></dt>
        <dd><xsl:value-of select="s:definition"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- The responsibility matrix, written once in its own source. -->
  <xsl:template match="s:matrix-ref">
    <xsl:variable name="m" select="key('id', @ref)"/>
    <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
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
                  <xsl:for-each select="$document//s:requirement[@role = $rid]">
                    <xsl:if test="position() > 1">, </xsl:if>
                    <a href="#{@id}"><xsl:value-of select="@num"/></a>
                  </xsl:for-each>
                  <xsl:if test="not($document//s:requirement[@role = $rid])">–</xsl:if>
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
