<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  diff.xsl - the HTML redline: the new version's page (document.xsl),
  its text with styrdok's change marks, and after the dokumentinformation
  a summary "Ändringar jämfört med …" of what changed.  Only the summary
  is made here; document.xsl renders the marks.
  Parameter: doc, the document id (its last <redline> is shown).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    exclude-result-prefixes="s">

  <xsl:import href="document.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:variable name="redline" select="/s:project/s:redline[@doc = $doc][last()]"/>

  <xsl:template name="redline-summary">
    <section class="changes" aria-labelledby="styrdok-changes">
      <h2 id="styrdok-changes">Ändringar</h2>
      <p><xsl:call-template name="redline-compared"/></p>
      <xsl:choose>
        <xsl:when test="not($changes)"><p>Texten är densamma i båda versionerna.</p></xsl:when>
        <xsl:otherwise>
          <p><span class="ins-sample">Understruken text</span> är ny och <span class="del-sample">genomstruken text</span> är borttagen. Ett streck i marginalen visar varje ändrat ställe.</p>
          <div class="wide" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled">
            <table>
            <caption>Sammanfattning av ändringarna</caption>
            <thead><tr><th scope="col">Ändring</th><th scope="col">Vad</th></tr></thead>
            <tbody>
              <xsl:for-each select="$changes">
                <tr>
                  <th scope="row"><xsl:call-template name="change-label"/></th>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@ref"><a href="#{@ref}"><xsl:call-template name="change-detail"/></a></xsl:when>
                      <xsl:otherwise><xsl:call-template name="change-detail"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
            </table>
          </div>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
