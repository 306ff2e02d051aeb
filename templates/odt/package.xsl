<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  package.xsl - the OpenDocument Text package around every ODT output:
  the zip manifest styrdok packs (<zip:archive> with one <zip:entry> per
  file, mimetype first and stored), META-INF/manifest.xml, content.xml,
  styles.xml (named styles, list and outline styles, A4 page layout, the
  running header and footer) and meta.xml.  Imported, never applied on
  its own.

  The importing stylesheet supplies:
    template "odt-body"        the children of office:text
    template "odt-auto-styles" automatic styles of content.xml (optional)
  and may set the variables below ($odt-title and the header texts).

  Everything written here is a function of the tree: no clock, no
  generate-id(), so the same tree gives the same bytes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:str="http://exslt.org/strings"
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    extension-element-prefixes="str"
    exclude-result-prefixes="s str">

  <xsl:import href="zip.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="odt-mimetype" select="'application/vnd.oasis.opendocument.text'"/>

  <!-- ===== What the importing stylesheet may set ===== -->

  <!-- dc:title, and the left part of the footer. -->
  <xsl:variable name="odt-title" select="string($meta/s:title)"/>
  <!-- dc:subject and dc:description. -->
  <xsl:variable name="odt-subject" select="''"/>
  <!-- The running header: id · version · status · short hash. -->
  <xsl:variable name="odt-stamp" select="''"/>
  <!-- Whether the header carries the UTKAST marking. -->
  <xsl:variable name="odt-draft" select="false()"/>
  <!-- meta:keyword, comma separated. -->
  <xsl:variable name="odt-keywords" select="''"/>
  <!-- meta:user-defined styrdok-* properties: id, version, status, sha256. -->
  <xsl:variable name="odt-id" select="''"/>
  <xsl:variable name="odt-version" select="''"/>
  <xsl:variable name="odt-status" select="''"/>
  <xsl:variable name="odt-sha256" select="''"/>

  <!-- ===== Page and type, from the profile ===== -->

  <!-- The first family of the profile's font list, without quotes. -->
  <xsl:variable name="odt-font">
    <xsl:variable name="first" select="normalize-space(translate(substring-before(concat($profile/s:font/@family, ','), ','), concat(&quot;'&quot;, '&quot;'), '  '))"/>
    <xsl:choose>
      <xsl:when test="$first != ''"><xsl:value-of select="$first"/></xsl:when>
      <xsl:otherwise>Liberation Sans</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="odt-mono" select="'DejaVu Sans Mono'"/>

  <xsl:template name="odt-colour">
    <xsl:param name="c"/>
    <xsl:param name="default"/>
    <xsl:choose>
      <xsl:when test="string-length($c) = 7 and starts-with($c, '#') and translate(substring($c, 2), '0123456789abcdefABCDEF', '') = ''"><xsl:value-of select="$c"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="c-primary"><xsl:call-template name="odt-colour"><xsl:with-param name="c" select="$profile/s:colours/@primary"/><xsl:with-param name="default" select="'#1f4e79'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-accent"><xsl:call-template name="odt-colour"><xsl:with-param name="c" select="$profile/s:colours/@accent"/><xsl:with-param name="default" select="'#8a5a00'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-draft"><xsl:call-template name="odt-colour"><xsl:with-param name="c" select="$profile/s:colours/@draft"/><xsl:with-param name="default" select="'#b00020'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-text"><xsl:call-template name="odt-colour"><xsl:with-param name="c" select="$profile/s:colours/@text"/><xsl:with-param name="default" select="'#1a1a1a'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-muted"><xsl:call-template name="odt-colour"><xsl:with-param name="c" select="$profile/s:colours/@muted"/><xsl:with-param name="default" select="'#4d4d4d'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-rule"><xsl:call-template name="odt-colour"><xsl:with-param name="c" select="$profile/s:colours/@rule"/><xsl:with-param name="default" select="'#c8c8c8'"/></xsl:call-template></xsl:variable>

  <!-- The build day as xsd:dateTime, or nothing: never the clock. -->
  <xsl:variable name="odt-date">
    <xsl:variable name="d" select="string(/s:project/@build-date)"/>
    <xsl:if test="string-length($d) = 10 and translate($d, '0123456789', '') = '--'">
      <xsl:value-of select="concat($d, 'T00:00:00')"/>
    </xsl:if>
  </xsl:variable>

  <xsl:template name="odt-font-faces">
    <office:font-face-decls>
      <style:font-face style:name="{$odt-font}" svg:font-family="'{$odt-font}'" style:font-family-generic="swiss" style:font-pitch="variable"/>
      <style:font-face style:name="{$odt-mono}" svg:font-family="'{$odt-mono}'" style:font-family-generic="modern" style:font-pitch="fixed"/>
    </office:font-face-decls>
  </xsl:template>

  <xsl:template name="odt-content">
    <office:document-content office:version="1.3">
      <xsl:call-template name="odt-font-faces"/>
      <office:automatic-styles>
        <xsl:call-template name="odt-auto-styles"/>
      </office:automatic-styles>
      <office:body>
        <office:text>
          <xsl:call-template name="odt-body"/>
        </office:text>
      </office:body>
    </office:document-content>
  </xsl:template>

  <xsl:template name="odt-auto-styles"/>
  <xsl:template name="odt-body"/>

  <!-- ===== meta.xml ===== -->

  <xsl:template name="odt-meta">
    <office:document-meta office:version="1.3">
      <office:meta>
        <meta:generator>styrdok</meta:generator>
        <dc:title><xsl:value-of select="$odt-title"/></dc:title>
        <xsl:if test="$odt-subject != ''">
          <dc:description><xsl:value-of select="$odt-subject"/></dc:description>
          <dc:subject><xsl:value-of select="$odt-subject"/></dc:subject>
        </xsl:if>
        <xsl:for-each select="str:tokenize(string($odt-keywords), ',')">
          <xsl:if test="normalize-space(.) != ''">
            <meta:keyword><xsl:value-of select="normalize-space(.)"/></meta:keyword>
          </xsl:if>
        </xsl:for-each>
        <meta:initial-creator><xsl:value-of select="$org-name"/></meta:initial-creator>
        <dc:creator><xsl:value-of select="$org-name"/></dc:creator>
        <xsl:if test="$odt-date != ''">
          <meta:creation-date><xsl:value-of select="$odt-date"/></meta:creation-date>
          <dc:date><xsl:value-of select="$odt-date"/></dc:date>
        </xsl:if>
        <dc:language>sv-SE</dc:language>
        <xsl:if test="$odt-id != ''">
          <meta:user-defined meta:name="styrdok-id"><xsl:value-of select="$odt-id"/></meta:user-defined>
        </xsl:if>
        <xsl:if test="$odt-version != ''">
          <meta:user-defined meta:name="styrdok-version"><xsl:value-of select="$odt-version"/></meta:user-defined>
        </xsl:if>
        <xsl:if test="$odt-status != ''">
          <meta:user-defined meta:name="styrdok-status"><xsl:value-of select="$odt-status"/></meta:user-defined>
        </xsl:if>
        <xsl:if test="$odt-sha256 != ''">
          <meta:user-defined meta:name="styrdok-sha256"><xsl:value-of select="$odt-sha256"/></meta:user-defined>
        </xsl:if>
      </office:meta>
    </office:document-meta>
  </xsl:template>

  <!-- ===== styles.xml ===== -->

  <!-- A paragraph style with the usual attributes; $props are its children. -->
  <xsl:template name="odt-styles">
    <office:document-styles office:version="1.3">
      <xsl:call-template name="odt-font-faces"/>
      <office:styles>
        <style:default-style style:family="paragraph">
          <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:text-autospace="ideograph-alpha"
              style:punctuation-wrap="hanging" style:line-break="strict" style:writing-mode="lr-tb"
              style:tab-stop-distance="1.25cm"/>
          <style:text-properties style:font-name="{$odt-font}" fo:font-size="10.5pt" fo:color="{$c-text}"
              fo:language="sv" fo:country="SE" fo:hyphenate="false"
              fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
        </style:default-style>
        <style:default-style style:family="table">
          <style:table-properties table:border-model="collapsing"/>
        </style:default-style>
        <style:default-style style:family="table-row">
          <style:table-row-properties fo:keep-together="auto"/>
        </style:default-style>

        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
            style:parent-style-name="Standard" style:class="text">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="120%"
              fo:orphans="2" fo:widows="2"/>
        </style:style>
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"
            style:next-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
          <style:text-properties fo:color="{$c-primary}" fo:font-weight="bold" fo:font-size="14pt"/>
        </style:style>
        <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"
            style:next-style-name="Text_20_body" style:class="chapter">
          <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.42cm"/>
          <style:text-properties fo:font-size="24pt"/>
        </style:style>
        <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard"
            style:next-style-name="Text_20_body" style:class="chapter">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
          <style:text-properties fo:color="{$c-muted}" fo:font-size="11pt"/>
        </style:style>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
            style:parent-style-name="Heading" style:next-style-name="Text_20_body"
            style:default-outline-level="1" style:class="text">
          <style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.21cm" fo:border-bottom="0.5pt solid {$c-rule}" fo:padding-bottom="0.05cm"/>
          <style:text-properties fo:font-size="16pt"/>
        </style:style>
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
            style:parent-style-name="Heading" style:next-style-name="Text_20_body"
            style:default-outline-level="2" style:class="text">
          <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.18cm"/>
          <style:text-properties fo:font-size="13pt"/>
        </style:style>
        <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"
            style:parent-style-name="Heading" style:next-style-name="Text_20_body"
            style:default-outline-level="3" style:class="text">
          <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm"/>
          <style:text-properties fo:font-size="11.5pt"/>
        </style:style>
        <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph"
            style:parent-style-name="Heading" style:next-style-name="Text_20_body"
            style:default-outline-level="4" style:class="text">
          <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.12cm"/>
          <style:text-properties fo:font-size="10.5pt" fo:font-style="italic"/>
        </style:style>

        <!-- Table of contents -->
        <style:style style:name="Index" style:family="paragraph" style:parent-style-name="Standard" style:class="index"/>
        <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph"
            style:parent-style-name="Heading" style:class="index">
          <style:text-properties fo:font-size="16pt"/>
        </style:style>
        <xsl:call-template name="odt-contents-style"><xsl:with-param name="level" select="1"/></xsl:call-template>
        <xsl:call-template name="odt-contents-style"><xsl:with-param name="level" select="2"/></xsl:call-template>
        <xsl:call-template name="odt-contents-style"><xsl:with-param name="level" select="3"/></xsl:call-template>
        <xsl:call-template name="odt-contents-style"><xsl:with-param name="level" select="4"/></xsl:call-template>

        <!-- Tables -->
        <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"
            style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
          <style:text-properties fo:font-size="9.5pt"/>
        </style:style>
        <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"
            style:parent-style-name="Table_20_Contents" style:class="extra">
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:margin-top="0.21cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
          <style:text-properties fo:font-size="9.5pt" fo:font-style="italic" fo:color="{$c-muted}"/>
        </style:style>
        <style:style style:name="Table" style:family="paragraph" style:parent-style-name="Caption" style:class="extra"/>
        <style:style style:name="Tabell" style:family="table">
          <style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
        </style:style>

        <!-- Requirements -->
        <style:style style:name="Krav_20_rubrik" style:display-name="Kravrubrik" style:family="paragraph"
            style:parent-style-name="Text_20_body" style:next-style-name="Krav" style:class="text">
          <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.05cm" fo:keep-with-next="always"
              fo:background-color="#f4f7fb" fo:border-left="3pt solid {$c-primary}" fo:padding-left="0.25cm"
              fo:padding-top="0.1cm" style:join-border="true"/>
          <style:text-properties fo:font-size="9pt" fo:color="{$c-muted}"/>
        </style:style>
        <style:style style:name="Krav" style:display-name="Krav" style:family="paragraph"
            style:parent-style-name="Text_20_body" style:next-style-name="Krav_20_uppgifter" style:class="text">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm" fo:keep-with-next="always"
              fo:background-color="#f4f7fb" fo:border-left="3pt solid {$c-primary}" fo:padding-left="0.25cm"
              style:join-border="true"/>
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Krav_20_uppgifter" style:display-name="Kravuppgifter" style:family="paragraph"
            style:parent-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.3cm"
              fo:background-color="#f4f7fb" fo:border-left="3pt solid {$c-primary}" fo:padding-left="0.25cm"
              fo:padding-bottom="0.1cm" style:join-border="true"/>
          <style:text-properties fo:font-size="9pt" fo:color="{$c-muted}"/>
        </style:style>
        <style:style style:name="Krav_20_text" style:display-name="Kravtext" style:family="paragraph"
            style:parent-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-left="0.35cm"/>
        </style:style>

        <!-- Definitions, masthead, draft mark, closing lines, prose blocks -->
        <style:style style:name="Begrepp" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-bottom="0cm" fo:keep-with-next="always"/>
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Definition" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-left="0.75cm"/>
        </style:style>
        <style:style style:name="Dokumenthuvud" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm"/>
          <style:text-properties fo:color="{$c-primary}" fo:font-weight="bold" fo:font-size="12pt"/>
        </style:style>
        <style:style style:name="Utkastmarkering" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
          <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.2cm" fo:padding="0.1cm"
              fo:border="0.5pt solid {$c-draft}" fo:background-color="#fdecee"/>
          <style:text-properties fo:color="{$c-draft}" fo:font-weight="bold" fo:letter-spacing="0.05cm"/>
        </style:style>
        <style:style style:name="Dokumentslut" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0cm"/>
          <style:text-properties fo:font-size="8.5pt" fo:color="{$c-muted}"/>
        </style:style>
        <style:style style:name="Dokumentslut_20_first" style:display-name="Dokumentslut först" style:family="paragraph"
            style:parent-style-name="Dokumentslut" style:class="extra">
          <style:paragraph-properties fo:margin-top="0.8cm" fo:border-top="0.5pt solid {$c-rule}" fo:padding-top="0.15cm"/>
        </style:style>
        <style:style style:name="Mellanrubrik" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:keep-with-next="always"/>
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Tabellnot" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="extra">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.3cm"/>
          <style:text-properties fo:font-size="8.5pt" fo:color="{$c-muted}"/>
        </style:style>
        <style:style style:name="Bekraftelse" style:display-name="Bekräftelse" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/>
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="List" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
        <style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph"
            style:parent-style-name="List" style:class="list">
          <style:paragraph-properties fo:margin-bottom="0.08cm"/>
        </style:style>
        <style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html">
          <style:paragraph-properties fo:margin-left="0.75cm" fo:margin-right="0.75cm" fo:border-left="2pt solid {$c-rule}" fo:padding-left="0.25cm"/>
          <style:text-properties fo:font-style="italic"/>
        </style:style>
        <style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" style:family="paragraph"
            style:parent-style-name="Standard" style:class="html">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:background-color="#f2f2f2" fo:padding="0.1cm"/>
          <style:text-properties style:font-name="{$odt-mono}" fo:font-size="9pt"/>
        </style:style>
        <style:style style:name="Horizontal_20_Line" style:display-name="Horizontal Line" style:family="paragraph"
            style:parent-style-name="Standard" style:class="html">
          <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.3cm" fo:border-bottom="0.5pt solid {$c-rule}" fo:padding="0cm"/>
          <style:text-properties fo:font-size="6pt"/>
        </style:style>
        <style:style style:name="Header_20_and_20_Footer" style:display-name="Header and Footer" style:family="paragraph"
            style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties>
            <style:tab-stops>
              <style:tab-stop style:position="8cm" style:type="center"/>
              <style:tab-stop style:position="16cm" style:type="right"/>
            </style:tab-stops>
          </style:paragraph-properties>
          <style:text-properties fo:font-size="8pt" fo:color="{$c-muted}"/>
        </style:style>
        <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Header_20_and_20_Footer" style:class="extra">
          <style:paragraph-properties>
            <style:tab-stops><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops>
          </style:paragraph-properties>
        </style:style>
        <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Header_20_and_20_Footer" style:class="extra">
          <style:paragraph-properties>
            <style:tab-stops><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops>
          </style:paragraph-properties>
        </style:style>

        <!-- Character styles -->
        <style:style style:name="Emphasis" style:family="text">
          <style:text-properties fo:font-style="italic"/>
        </style:style>
        <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
          <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Source_20_Text" style:display-name="Source Text" style:family="text">
          <style:text-properties style:font-name="{$odt-mono}" fo:font-size="9pt"/>
        </style:style>
        <style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">
          <style:text-properties fo:color="{$c-primary}" style:text-underline-style="solid"
              style:text-underline-width="auto" style:text-underline-color="font-color"/>
        </style:style>
        <style:style style:name="Index_20_Link" style:display-name="Index Link" style:family="text">
          <style:text-properties style:text-underline-style="none"/>
        </style:style>
        <style:style style:name="Kravnummer" style:family="text">
          <style:text-properties fo:font-size="10pt" fo:font-weight="bold" fo:color="{$c-primary}"/>
        </style:style>
        <style:style style:name="Brist" style:family="text">
          <style:text-properties fo:font-weight="bold" fo:color="{$c-draft}"/>
        </style:style>
        <style:style style:name="Utkast" style:family="text">
          <style:text-properties fo:font-size="10pt" fo:font-weight="bold" fo:color="{$c-draft}" fo:letter-spacing="0.05cm"/>
        </style:style>
        <style:style style:name="Kontrollsumma" style:family="text">
          <style:text-properties style:font-name="{$odt-mono}"/>
        </style:style>
        <style:style style:name="Infogat" style:family="text">
          <style:text-properties style:text-underline-style="solid" style:text-underline-width="auto"
              style:text-underline-color="font-color"/>
        </style:style>
        <style:style style:name="Borttaget" style:family="text">
          <style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/>
        </style:style>
        <style:style style:name="Andringsnotis" style:display-name="Ändringsnotis" style:family="text">
          <style:text-properties fo:font-weight="bold" fo:color="{$c-accent}"/>
        </style:style>

        <!-- Lists -->
        <text:list-style style:name="List_20_1" style:display-name="List 1">
          <xsl:call-template name="odt-bullet-level"><xsl:with-param name="level" select="1"/><xsl:with-param name="char" select="'•'"/></xsl:call-template>
          <xsl:call-template name="odt-bullet-level"><xsl:with-param name="level" select="2"/><xsl:with-param name="char" select="'◦'"/></xsl:call-template>
          <xsl:call-template name="odt-bullet-level"><xsl:with-param name="level" select="3"/><xsl:with-param name="char" select="'▪'"/></xsl:call-template>
          <xsl:call-template name="odt-bullet-level"><xsl:with-param name="level" select="4"/><xsl:with-param name="char" select="'•'"/></xsl:call-template>
          <xsl:call-template name="odt-bullet-level"><xsl:with-param name="level" select="5"/><xsl:with-param name="char" select="'◦'"/></xsl:call-template>
        </text:list-style>
        <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="1"/><xsl:with-param name="suffix" select="'.'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="2"/><xsl:with-param name="suffix" select="'.'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="3"/><xsl:with-param name="suffix" select="'.'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="4"/><xsl:with-param name="suffix" select="'.'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="5"/><xsl:with-param name="suffix" select="'.'"/></xsl:call-template>
        </text:list-style>
        <text:list-style style:name="Numbering_20_123_20_paren" style:display-name="Numbering 123 paren">
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="1"/><xsl:with-param name="suffix" select="')'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="2"/><xsl:with-param name="suffix" select="')'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="3"/><xsl:with-param name="suffix" select="')'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="4"/><xsl:with-param name="suffix" select="')'"/></xsl:call-template>
          <xsl:call-template name="odt-number-level"><xsl:with-param name="level" select="5"/><xsl:with-param name="suffix" select="')'"/></xsl:call-template>
        </text:list-style>

        <!-- Headings carry their numbers as text (as in the HTML), so the
             outline numbers nothing; it only ties the levels together. -->
        <text:outline-style style:name="Outline">
          <xsl:call-template name="odt-outline-level"><xsl:with-param name="level" select="1"/></xsl:call-template>
        </text:outline-style>
      </office:styles>

      <office:automatic-styles>
        <style:page-layout style:name="pm1">
          <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
              style:num-format="1" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm"
              fo:margin-right="2.5cm" style:writing-mode="lr-tb"/>
          <style:header-style>
            <style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"
                fo:border-bottom="0.5pt solid {$c-rule}" fo:padding-bottom="0.1cm"/>
          </style:header-style>
          <style:footer-style>
            <style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"
                fo:border-top="0.5pt solid {$c-rule}" fo:padding-top="0.1cm"/>
          </style:footer-style>
        </style:page-layout>
      </office:automatic-styles>

      <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="pm1">
          <style:header>
            <text:p text:style-name="Header">
              <xsl:if test="$logo">
                <xsl:call-template name="odt-logo">
                  <xsl:with-param name="height-mm" select="6"/>
                  <xsl:with-param name="name" select="'Logotyp i sidhuvudet'"/>
                </xsl:call-template>
                <text:s text:c="2"/>
              </xsl:if>
              <xsl:value-of select="$odt-stamp"/>
              <xsl:if test="$odt-draft">
                <text:tab/>
                <text:span text:style-name="Utkast">UTKAST</text:span>
              </xsl:if>
            </text:p>
          </style:header>
          <style:footer>
            <text:p text:style-name="Footer">
              <xsl:value-of select="$org-name"/>
              <xsl:text> · </xsl:text>
              <xsl:value-of select="$odt-title"/>
              <text:tab/>
              <xsl:text>Sida </xsl:text>
              <text:page-number text:select-page="current">1</text:page-number>
              <xsl:text> (</xsl:text>
              <text:page-count>1</text:page-count>
              <xsl:text>)</xsl:text>
            </text:p>
            <xsl:if test="normalize-space($profile/s:footer) != ''">
              <text:p text:style-name="Footer"><xsl:value-of select="normalize-space($profile/s:footer)"/></text:p>
            </xsl:if>
          </style:footer>
        </style:master-page>
      </office:master-styles>
    </office:document-styles>
  </xsl:template>

  <!--
    The profile's logo as a picture in the line, $height-mm high: its
    first image (SVG when there is one) inline as data, with its text
    alternative as the frame's title.
  -->
  <xsl:template name="odt-logo">
    <xsl:param name="height-mm"/>
    <xsl:param name="name"/>
    <draw:frame draw:name="{$name}" text:anchor-type="as-char" svg:y="0mm"
        svg:width="{format-number($height-mm * $logo/@aspect, '0.##')}mm" svg:height="{$height-mm}mm">
      <draw:image>
        <office:binary-data><xsl:value-of select="$logo/s:image[1]"/></office:binary-data>
      </draw:image>
      <svg:title><xsl:value-of select="$logo/@alt"/></svg:title>
    </draw:frame>
  </xsl:template>

  <xsl:template name="odt-contents-style">
    <xsl:param name="level"/>
    <style:style style:name="Contents_20_{$level}" style:display-name="Contents {$level}" style:family="paragraph"
        style:parent-style-name="Index" style:class="index">
      <style:paragraph-properties fo:margin-left="{0.5 * ($level - 1)}cm" fo:margin-top="0cm" fo:margin-bottom="0.08cm">
        <style:tab-stops>
          <style:tab-stop style:position="{16 - 0.5 * ($level - 1)}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/>
        </style:tab-stops>
      </style:paragraph-properties>
      <xsl:if test="$level = 1"><style:text-properties fo:font-weight="bold"/></xsl:if>
    </style:style>
  </xsl:template>

  <xsl:template name="odt-bullet-level">
    <xsl:param name="level"/>
    <xsl:param name="char"/>
    <text:list-level-style-bullet text:level="{$level}" text:bullet-char="{$char}">
      <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
        <style:list-level-label-alignment text:label-followed-by="listtab"
            text:list-tab-stop-position="{0.635 * $level}cm" fo:text-indent="-0.635cm" fo:margin-left="{0.635 * $level}cm"/>
      </style:list-level-properties>
    </text:list-level-style-bullet>
  </xsl:template>

  <xsl:template name="odt-number-level">
    <xsl:param name="level"/>
    <xsl:param name="suffix"/>
    <text:list-level-style-number text:level="{$level}" style:num-suffix="{$suffix}" style:num-format="1">
      <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
        <style:list-level-label-alignment text:label-followed-by="listtab"
            text:list-tab-stop-position="{0.635 * $level}cm" fo:text-indent="-0.635cm" fo:margin-left="{0.635 * $level}cm"/>
      </style:list-level-properties>
    </text:list-level-style-number>
  </xsl:template>

  <xsl:template name="odt-outline-level">
    <xsl:param name="level"/>
    <text:outline-level-style text:level="{$level}" style:num-format="">
      <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
        <style:list-level-label-alignment text:label-followed-by="nothing"
            text:list-tab-stop-position="0cm" fo:text-indent="0cm" fo:margin-left="0cm"/>
      </style:list-level-properties>
    </text:outline-level-style>
    <xsl:if test="$level &lt; 10">
      <xsl:call-template name="odt-outline-level"><xsl:with-param name="level" select="$level + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== Helpers for the bodies ===== -->

  <!--
    Text with its spaces, tabs and line breaks kept: ODF collapses white
    space, so runs become text:s, tabs text:tab and newlines
    text:line-break.  Used for code.
  -->
  <xsl:template name="odt-preserve">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = ''"/>
      <xsl:when test="contains($s, '&#10;')">
        <xsl:call-template name="odt-preserve-line"><xsl:with-param name="s" select="substring-before($s, '&#10;')"/></xsl:call-template>
        <xsl:if test="substring-after($s, '&#10;') != ''">
          <text:line-break/>
          <xsl:call-template name="odt-preserve"><xsl:with-param name="s" select="substring-after($s, '&#10;')"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="odt-preserve-line"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="odt-preserve-line">
    <xsl:param name="s"/>
    <xsl:param name="start" select="true()"/>
    <xsl:choose>
      <xsl:when test="$s = ''"/>
      <xsl:when test="starts-with($s, '&#9;')">
        <text:tab/>
        <xsl:call-template name="odt-preserve-line"><xsl:with-param name="s" select="substring($s, 2)"/><xsl:with-param name="start" select="false()"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($s, ' ')">
        <!-- The run of spaces: at the start of a line every one is a text:s. -->
        <xsl:variable name="run">
          <xsl:call-template name="odt-space-run"><xsl:with-param name="s" select="$s"/></xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$start or $run > 1">
            <xsl:choose>
              <xsl:when test="$start"><text:s text:c="{$run}"/></xsl:when>
              <xsl:otherwise><xsl:text> </xsl:text><text:s text:c="{$run - 1}"/></xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="odt-preserve-line"><xsl:with-param name="s" select="substring($s, $run + 1)"/><xsl:with-param name="start" select="false()"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="word" select="substring-before(concat(translate($s, '&#9;', ' '), ' '), ' ')"/>
        <xsl:value-of select="$word"/>
        <xsl:call-template name="odt-preserve-line"><xsl:with-param name="s" select="substring($s, string-length($word) + 1)"/><xsl:with-param name="start" select="false()"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- How many spaces $s starts with. -->
  <xsl:template name="odt-space-run">
    <xsl:param name="s"/>
    <xsl:param name="n" select="0"/>
    <xsl:choose>
      <xsl:when test="starts-with($s, ' ')">
        <xsl:call-template name="odt-space-run"><xsl:with-param name="s" select="substring($s, 2)"/><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
