<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  namespaces.xsl - holders of the namespace declarations each DOCX part
  declares on its root element.  The other docx modules exclude every
  namespace from their literal result elements (so the manifest itself
  stays clean) and copy these namespace nodes onto each part's root, so
  every part is a complete XML file on its own.

  This module deliberately has no exclude-result-prefixes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- WordprocessingML parts: document, styles, settings, numbering, header, footer. -->
  <xsl:variable name="ns-word">
    <w:ns xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>
  </xsl:variable>

  <!-- docProps/core.xml: dcterms and xsi are needed for xsi:type="dcterms:W3CDTF". -->
  <xsl:variable name="ns-core">
    <cp:ns xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:dcterms="http://purl.org/dc/terms/"
        xmlns:dcmitype="http://purl.org/dc/dcmitype/"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
  </xsl:variable>

  <!-- docProps/app.xml and docProps/custom.xml. -->
  <xsl:variable name="ns-vt">
    <vt:ns xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>
  </xsl:variable>
</xsl:stylesheet>
