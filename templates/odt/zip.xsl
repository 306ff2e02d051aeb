<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  zip.xsl - the outermost layer of every ODT output: the manifest of the
  zip file that styrdok packs (entries in this order, mimetype first and
  stored) and META-INF/manifest.xml.  A module of its own so that only the
  zip and manifest namespaces are in scope here: every part's root
  (content.xml, styles.xml, meta.xml) then declares the ODF namespaces
  itself, as a standalone file must.  Imported by package.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:zip="urn:styrdok:zip"
    xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    exclude-result-prefixes="manifest">

  <xsl:template name="odt-package">
    <zip:archive>
      <zip:entry name="mimetype" store="yes"><xsl:value-of select="$odt-mimetype"/></zip:entry>
      <zip:entry name="META-INF/manifest.xml"><xsl:call-template name="odt-manifest"/></zip:entry>
      <zip:entry name="content.xml"><xsl:call-template name="odt-content"/></zip:entry>
      <zip:entry name="styles.xml"><xsl:call-template name="odt-styles"/></zip:entry>
      <zip:entry name="meta.xml"><xsl:call-template name="odt-meta"/></zip:entry>
    </zip:archive>
  </xsl:template>

  <xsl:template name="odt-manifest">
    <manifest:manifest manifest:version="1.3">
      <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{$odt-mimetype}"/>
      <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
      <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
      <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
    </manifest:manifest>
  </xsl:template>
</xsl:stylesheet>
