<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: ISC -->
<!--
  package.xsl - the parts every DOCX of styrdok shares, and the package
  manifest styrdok zips:

    <zip:archive xmlns:zip="urn:styrdok:zip">
      <zip:entry name="PATH">one element (an XML part) or text</zip:entry>
      ...
    </zip:archive>

  Imported by document.xsl and diff.xsl, which provide
    - the variables docx-title, docx-subject, docx-description,
      docx-keywords, docx-category, docx-status, docx-version, docx-id,
      docx-sha256, docx-draft, docx-header-right and docx-stamp;
    - a template for "/" in mode docx-body: the paragraphs and tables of
      word/document.xml (the final w:sectPr is added here);
    - templates for "/" in modes docx-rels (extra Relationship elements
      of word/_rels/document.xml.rels, ids not starting with "rId" + digit),
      docx-nums (extra w:num elements of word/numbering.xml, w:numId
      from 10 up), docx-parts (extra zip:entry elements) and docx-types
      (their Override elements in [Content_Types].xml).

  Everything is derived from the tree: no clock, no random ids, so the
  same tree gives the same bytes.  Dates come from the project's
  build-date attribute when it is there, and are left out otherwise.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:styrdok:1"
    xmlns:c="urn:styrdok:change:1"
    xmlns:zip="urn:styrdok:zip"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
    xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:dcterms="http://purl.org/dc/terms/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="s c zip w r wp a pic cp dc dcterms xsi vt exsl str">

  <xsl:import href="namespaces.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- ===== Page geometry (twentieths of a point), as the PDF's ===== -->

  <!--
    A4 with the text where the PDF's page masters put it (fo/common.xsl):
    25 mm left, 20 mm right, 28 mm from the top and 26 mm from the bottom,
    so that the PDF's pages, which the contents list gives, hold here too.
  -->
  <xsl:variable name="page-w" select="11906"/>
  <xsl:variable name="page-h" select="16838"/>
  <xsl:variable name="margin-top" select="1587"/>
  <xsl:variable name="margin-bottom" select="1474"/>
  <xsl:variable name="margin-left" select="1417"/>
  <xsl:variable name="margin-right" select="1134"/>
  <!-- The width of the text column: every table's grid adds up to it. -->
  <xsl:variable name="text-w" select="$page-w - $margin-left - $margin-right"/>

  <!-- ===== The profile's colours and font ===== -->

  <!-- RRGGBB from the profile's #rrggbb, or $default when it is not one. -->
  <xsl:template name="hex">
    <xsl:param name="c"/>
    <xsl:param name="default"/>
    <xsl:variable name="h" select="translate(substring-after($c, '#'), 'abcdef', 'ABCDEF')"/>
    <xsl:choose>
      <xsl:when test="string-length($h) = 6 and translate($h, '0123456789ABCDEF', '') = ''"><xsl:value-of select="$h"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="colours" select="/s:project/s:profile/s:colours"/>
  <xsl:variable name="c-primary"><xsl:call-template name="hex"><xsl:with-param name="c" select="$colours/@primary"/><xsl:with-param name="default" select="'1F4E79'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-accent"><xsl:call-template name="hex"><xsl:with-param name="c" select="$colours/@accent"/><xsl:with-param name="default" select="'8A5A00'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-draft"><xsl:call-template name="hex"><xsl:with-param name="c" select="$colours/@draft"/><xsl:with-param name="default" select="'B00020'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-text"><xsl:call-template name="hex"><xsl:with-param name="c" select="$colours/@text"/><xsl:with-param name="default" select="'1A1A1A'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-muted"><xsl:call-template name="hex"><xsl:with-param name="c" select="$colours/@muted"/><xsl:with-param name="default" select="'4D4D4D'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="c-rule"><xsl:call-template name="hex"><xsl:with-param name="c" select="$colours/@rule"/><xsl:with-param name="default" select="'C8C8C8'"/></xsl:call-template></xsl:variable>

  <!--
    The body font: the last named family of the profile's CSS list (the
    one most likely installed where Word runs, e.g. Arial), else Arial.
  -->
  <xsl:variable name="font">
    <xsl:variable name="names">
      <xsl:for-each select="str:tokenize(string(/s:project/s:profile/s:font/@family), ',')">
        <xsl:variable name="n" select="normalize-space(translate(., concat('&quot;', &quot;'&quot;), '  '))"/>
        <xsl:if test="$n != '' and $n != 'serif' and $n != 'sans-serif' and $n != 'monospace' and $n != 'cursive' and $n != 'fantasy' and $n != 'system-ui'">
          <n><xsl:value-of select="$n"/></n>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="last" select="exsl:node-set($names)/*[last()]"/>
    <xsl:choose>
      <xsl:when test="$last"><xsl:value-of select="$last"/></xsl:when>
      <xsl:otherwise>Arial</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="mono" select="'Courier New'"/>

  <!-- ===== Defaults the importing stylesheet overrides ===== -->

  <xsl:variable name="docx-title" select="''"/>
  <xsl:variable name="docx-subject" select="''"/>
  <xsl:variable name="docx-description" select="''"/>
  <xsl:variable name="docx-keywords" select="''"/>
  <xsl:variable name="docx-category" select="''"/>
  <xsl:variable name="docx-status" select="''"/>
  <xsl:variable name="docx-version" select="''"/>
  <xsl:variable name="docx-id" select="''"/>
  <xsl:variable name="docx-sha256" select="''"/>
  <xsl:variable name="docx-draft" select="false()"/>
  <xsl:variable name="docx-header-right" select="''"/>
  <xsl:variable name="docx-stamp" select="''"/>

  <!-- $org-name, $profile and $logo come from common/common.xsl. -->
  <xsl:variable name="build-date" select="string(/s:project/@build-date)"/>
  <!-- The build date as a W3CDTF date-time, or '' when the tree has none. -->
  <xsl:variable name="build-datetime">
    <xsl:choose>
      <xsl:when test="$build-date = ''"/>
      <xsl:when test="contains($build-date, 'T')"><xsl:value-of select="$build-date"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($build-date, 'T00:00:00Z')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ===== The manifest ===== -->

  <xsl:template match="/">
    <zip:archive>
      <zip:entry name="[Content_Types].xml"><xsl:call-template name="content-types"/></zip:entry>
      <zip:entry name="_rels/.rels"><xsl:call-template name="package-rels"/></zip:entry>
      <zip:entry name="docProps/core.xml"><xsl:call-template name="core"/></zip:entry>
      <zip:entry name="docProps/app.xml"><xsl:call-template name="app"/></zip:entry>
      <zip:entry name="docProps/custom.xml"><xsl:call-template name="custom"/></zip:entry>
      <zip:entry name="word/document.xml"><xsl:call-template name="document-part"/></zip:entry>
      <zip:entry name="word/_rels/document.xml.rels"><xsl:call-template name="document-rels"/></zip:entry>
      <zip:entry name="word/styles.xml"><xsl:call-template name="styles"/></zip:entry>
      <zip:entry name="word/settings.xml"><xsl:call-template name="settings"/></zip:entry>
      <zip:entry name="word/numbering.xml"><xsl:call-template name="numbering"/></zip:entry>
      <zip:entry name="word/header1.xml"><xsl:call-template name="header"/></zip:entry>
      <zip:entry name="word/footer1.xml"><xsl:call-template name="footer"/></zip:entry>
      <xsl:if test="$docx-logo">
        <zip:entry name="word/media/logo.png" encoding="base64"><xsl:value-of select="$docx-logo"/></zip:entry>
        <zip:entry name="word/_rels/header1.xml.rels">
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/>
          </Relationships>
        </zip:entry>
      </xsl:if>
      <xsl:apply-templates select="/" mode="docx-parts"/>
    </zip:archive>
  </xsl:template>

  <!-- ===== Package parts ===== -->

  <xsl:template name="content-types">
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
      <Default Extension="xml" ContentType="application/xml"/>
      <xsl:if test="$docx-logo"><Default Extension="png" ContentType="image/png"/></xsl:if>
      <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
      <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
      <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
      <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
      <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
      <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
      <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
      <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
      <Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
      <xsl:apply-templates select="/" mode="docx-types"/>
    </Types>
  </xsl:template>

  <xsl:template name="package-rels">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
      <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
    </Relationships>
  </xsl:template>

  <xsl:template name="core">
    <cp:coreProperties>
      <xsl:copy-of select="exsl:node-set($ns-core)/*/namespace::*[name() != 'xml']"/>
      <dc:title><xsl:value-of select="$docx-title"/></dc:title>
      <dc:subject><xsl:value-of select="$docx-subject"/></dc:subject>
      <dc:creator><xsl:value-of select="$org-name"/></dc:creator>
      <cp:keywords><xsl:value-of select="$docx-keywords"/></cp:keywords>
      <dc:description><xsl:value-of select="$docx-description"/></dc:description>
      <cp:lastModifiedBy><xsl:value-of select="$org-name"/></cp:lastModifiedBy>
      <dc:identifier><xsl:value-of select="$docx-id"/></dc:identifier>
      <dc:language>sv-SE</dc:language>
      <cp:category><xsl:value-of select="$docx-category"/></cp:category>
      <cp:contentStatus><xsl:value-of select="$docx-status"/></cp:contentStatus>
      <cp:version><xsl:value-of select="$docx-version"/></cp:version>
      <xsl:if test="$build-datetime != ''">
        <dcterms:created xsi:type="dcterms:W3CDTF"><xsl:value-of select="$build-datetime"/></dcterms:created>
        <dcterms:modified xsi:type="dcterms:W3CDTF"><xsl:value-of select="$build-datetime"/></dcterms:modified>
      </xsl:if>
    </cp:coreProperties>
  </xsl:template>

  <xsl:template name="app">
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
      <xsl:copy-of select="exsl:node-set($ns-vt)/*/namespace::*[name() = 'vt']"/>
      <Application>styrdok</Application>
      <DocSecurity>0</DocSecurity>
      <ScaleCrop>false</ScaleCrop>
      <Company><xsl:value-of select="$org-name"/></Company>
      <LinksUpToDate>false</LinksUpToDate>
      <SharedDoc>false</SharedDoc>
      <HyperlinksChanged>false</HyperlinksChanged>
    </Properties>
  </xsl:template>

  <!-- What the HTML page carries as styrdok:* meta elements. -->
  <xsl:template name="custom">
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">
      <xsl:copy-of select="exsl:node-set($ns-vt)/*/namespace::*[name() = 'vt']"/>
      <property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="styrdok:id"><vt:lpwstr><xsl:value-of select="$docx-id"/></vt:lpwstr></property>
      <property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="3" name="styrdok:version"><vt:lpwstr><xsl:value-of select="$docx-version"/></vt:lpwstr></property>
      <property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="4" name="styrdok:status"><vt:lpwstr><xsl:value-of select="$docx-status"/></vt:lpwstr></property>
      <property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="5" name="styrdok:sha256"><vt:lpwstr><xsl:value-of select="$docx-sha256"/></vt:lpwstr></property>
    </Properties>
  </xsl:template>

  <!-- ===== word/document.xml and its relationships ===== -->

  <xsl:template name="document-part">
    <w:document>
      <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
      <w:body>
        <xsl:apply-templates select="/" mode="docx-body"/>
        <w:sectPr>
          <w:headerReference w:type="default" r:id="rId4"/>
          <w:footerReference w:type="default" r:id="rId5"/>
          <w:pgSz w:w="{$page-w}" w:h="{$page-h}"/>
          <w:pgMar w:top="{$margin-top}" w:right="{$margin-right}" w:bottom="{$margin-bottom}" w:left="{$margin-left}" w:header="567" w:footer="567" w:gutter="0"/>
          <w:cols w:space="708"/>
        </w:sectPr>
      </w:body>
    </w:document>
  </xsl:template>

  <xsl:template match="/" mode="docx-body"/>
  <xsl:template match="/" mode="docx-rels"/>
  <xsl:template match="/" mode="docx-nums"/>
  <xsl:template match="/" mode="docx-parts"/>
  <xsl:template match="/" mode="docx-types"/>

  <xsl:template name="document-rels">
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
      <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
      <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
      <xsl:if test="$docx-logo">
        <Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/>
      </xsl:if>
      <xsl:apply-templates select="/" mode="docx-rels"/>
    </Relationships>
  </xsl:template>

  <!-- An external hyperlink relationship (the importing stylesheet picks the id). -->
  <xsl:template name="link-rel">
    <xsl:param name="id"/>
    <xsl:param name="target"/>
    <Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships"
        Id="{$id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
        Target="{$target}" TargetMode="External"/>
  </xsl:template>

  <!-- ===== word/settings.xml ===== -->

  <xsl:template name="settings">
    <w:settings>
      <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
      <w:zoom w:percent="100"/>
      <w:defaultTabStop w:val="709"/>
      <w:autoHyphenation/>
      <w:hyphenationZone w:val="425"/>
      <w:characterSpacingControl w:val="doNotCompress"/>
      <w:compat>
        <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
      </w:compat>
      <w:themeFontLang w:val="sv-SE"/>
      <w:decimalSymbol w:val=","/>
      <w:listSeparator w:val=";"/>
    </w:settings>
  </xsl:template>

  <!-- ===== word/numbering.xml ===== -->

  <!--
    abstractNum 1: bullets (numId 1); abstractNum 2: decimal lists, one
    w:num per list so each starts again (numIds from 10, docx-nums mode).
  -->
  <xsl:template name="numbering">
    <w:numbering>
      <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
      <w:abstractNum w:abstractNumId="1">
        <w:multiLevelType w:val="hybridMultilevel"/>
        <w:name w:val="Styrdok punktlista"/>
        <xsl:call-template name="levels"><xsl:with-param name="bullet" select="true()"/></xsl:call-template>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:multiLevelType w:val="hybridMultilevel"/>
        <w:name w:val="Styrdok numrerad lista"/>
        <xsl:call-template name="levels"><xsl:with-param name="bullet" select="false()"/></xsl:call-template>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
      <xsl:apply-templates select="/" mode="docx-nums"/>
    </w:numbering>
  </xsl:template>

  <xsl:template name="levels">
    <xsl:param name="bullet"/>
    <xsl:param name="l" select="0"/>
    <xsl:if test="$l &lt; 9">
      <w:lvl w:ilvl="{$l}">
        <w:start w:val="1"/>
        <xsl:choose>
          <xsl:when test="$bullet">
            <w:numFmt w:val="bullet"/>
            <w:lvlText w:val="{substring('•–▪', ($l mod 3) + 1, 1)}"/>
          </xsl:when>
          <xsl:otherwise>
            <w:numFmt w:val="decimal"/>
            <w:lvlText w:val="%{$l + 1}."/>
          </xsl:otherwise>
        </xsl:choose>
        <w:lvlJc w:val="left"/>
        <w:pPr><w:ind w:left="{360 * ($l + 1)}" w:hanging="360"/></w:pPr>
        <xsl:if test="$bullet"><w:rPr><w:rFonts w:ascii="{$font}" w:hAnsi="{$font}"/></w:rPr></xsl:if>
      </w:lvl>
      <xsl:call-template name="levels">
        <xsl:with-param name="bullet" select="$bullet"/>
        <xsl:with-param name="l" select="$l + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A numbering instance of the decimal lists that starts at $start on level $ilvl. -->
  <xsl:template name="ordered-num">
    <xsl:param name="num-id"/>
    <xsl:param name="ilvl" select="0"/>
    <xsl:param name="start" select="1"/>
    <w:num w:numId="{$num-id}">
      <w:abstractNumId w:val="2"/>
      <w:lvlOverride w:ilvl="{$ilvl}"><w:startOverride w:val="{$start}"/></w:lvlOverride>
    </w:num>
  </xsl:template>

  <!-- ===== The profile's logo ===== -->

  <!-- The PNG of the profile's logo (Word shows no SVG without one). -->
  <xsl:variable name="docx-logo" select="$logo/s:image[@type = 'image/png']"/>

  <!--
    The logo as an inline picture $height-mm high, its width from the
    logo's proportions; $id is the drawing's id in its part.
  -->
  <xsl:template name="logo-run">
    <xsl:param name="height-mm"/>
    <xsl:param name="id"/>
    <xsl:variable name="cy" select="round($height-mm * 36000)"/>
    <xsl:variable name="cx" select="round($cy * $logo/@aspect)"/>
    <w:r>
      <w:drawing>
        <wp:inline distT="0" distB="0" distL="0" distR="0">
          <wp:extent cx="{$cx}" cy="{$cy}"/>
          <wp:docPr id="{$id}" name="Logotyp" descr="{$logo/@alt}"/>
          <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>
          <a:graphic>
            <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
              <pic:pic>
                <pic:nvPicPr><pic:cNvPr id="0" name="logo.png" descr="{$logo/@alt}"/><pic:cNvPicPr/></pic:nvPicPr>
                <pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
                <pic:spPr>
                  <a:xfrm><a:off x="0" y="0"/><a:ext cx="{$cx}" cy="{$cy}"/></a:xfrm>
                  <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
                </pic:spPr>
              </pic:pic>
            </a:graphicData>
          </a:graphic>
        </wp:inline>
      </w:drawing>
    </w:r>
  </xsl:template>

  <!-- The front page's logo, above the masthead. -->
  <xsl:template name="logo-paragraph">
    <xsl:if test="$docx-logo">
      <w:p>
        <w:pPr><w:spacing w:after="120"/></w:pPr>
        <xsl:call-template name="logo-run">
          <xsl:with-param name="height-mm" select="15"/>
          <xsl:with-param name="id" select="9001"/>
        </xsl:call-template>
      </w:p>
    </xsl:if>
  </xsl:template>

  <!-- ===== Header and footer ===== -->

  <!-- Organisation and kind left, $docx-header-right right; UTKAST below on drafts. -->
  <xsl:template name="header">
    <w:hdr>
      <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
      <w:p>
        <w:pPr><w:pStyle w:val="Header"/></w:pPr>
        <xsl:if test="$docx-logo">
          <xsl:call-template name="logo-run">
            <xsl:with-param name="height-mm" select="6"/>
            <xsl:with-param name="id" select="9002"/>
          </xsl:call-template>
          <w:r><w:t xml:space="preserve">  </w:t></w:r>
        </xsl:if>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="$org-name"/>
          <xsl:with-param name="b" select="true()"/>
          <xsl:with-param name="color" select="$c-primary"/>
        </xsl:call-template>
        <w:r><w:tab/></w:r>
        <xsl:call-template name="run"><xsl:with-param name="text" select="$docx-header-right"/></xsl:call-template>
      </w:p>
      <xsl:if test="$docx-draft">
        <w:p>
          <w:pPr><w:pStyle w:val="DraftMark"/><w:jc w:val="center"/></w:pPr>
          <xsl:call-template name="run"><xsl:with-param name="text" select="'UTKAST – inte beslutad'"/></xsl:call-template>
        </w:p>
      </xsl:if>
    </w:hdr>
  </xsl:template>

  <!-- Title, version and Dokument-id left, "Sida x (y)" right. -->
  <xsl:template name="footer">
    <w:ftr>
      <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
      <w:p>
        <w:pPr><w:pStyle w:val="Footer"/></w:pPr>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="$docx-stamp"/>
        </xsl:call-template>
        <w:r><w:tab/></w:r>
        <xsl:call-template name="run"><xsl:with-param name="text" select="'Sida '"/></xsl:call-template>
        <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <xsl:call-template name="run"><xsl:with-param name="text" select="' ('"/></xsl:call-template>
        <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <xsl:call-template name="run"><xsl:with-param name="text" select="')'"/></xsl:call-template>
      </w:p>
      <xsl:if test="normalize-space($profile/s:footer) != ''">
        <w:p>
          <w:pPr><w:pStyle w:val="Footer"/></w:pPr>
          <xsl:call-template name="run"><xsl:with-param name="text" select="normalize-space($profile/s:footer)"/></xsl:call-template>
        </w:p>
      </xsl:if>
    </w:ftr>
  </xsl:template>

  <!-- ===== Building blocks for the importing stylesheets ===== -->

  <!--
    One run of text with optional character formatting.  A redline's
    changes.xsl replaces this with a run that is tracked as its node is
    (it also takes $track, $slot and $rev, which are ignored here).
  -->
  <xsl:template name="run">
    <xsl:param name="text"/>
    <xsl:param name="style" select="''"/>
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="color" select="''"/>
    <xsl:if test="string($text) != ''">
      <xsl:call-template name="run-body">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="b" select="$b"/>
        <xsl:with-param name="i" select="$i"/>
        <xsl:with-param name="code" select="$code"/>
        <xsl:with-param name="color" select="$color"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The w:r of a run ($deleted: its text is w:delText). -->
  <xsl:template name="run-body">
    <xsl:param name="text"/>
    <xsl:param name="style" select="''"/>
    <xsl:param name="b" select="false()"/>
    <xsl:param name="i" select="false()"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="color" select="''"/>
    <xsl:param name="deleted" select="false()"/>
    <w:r>
      <xsl:if test="$style != '' or $b or $i or $code or $color != ''">
        <w:rPr>
          <xsl:choose>
            <xsl:when test="$style != ''"><w:rStyle w:val="{$style}"/></xsl:when>
            <xsl:when test="$code"><w:rStyle w:val="CodeChar"/></xsl:when>
          </xsl:choose>
          <xsl:if test="$b"><w:b/></xsl:if>
          <xsl:if test="$i"><w:i/></xsl:if>
          <xsl:if test="$color != ''"><w:color w:val="{$color}"/></xsl:if>
        </w:rPr>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$deleted"><w:delText xml:space="preserve"><xsl:value-of select="$text"/></w:delText></xsl:when>
        <xsl:otherwise><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></xsl:otherwise>
      </xsl:choose>
    </w:r>
  </xsl:template>

  <!-- What changes.xsl makes tracked; outside a redline, nothing is. -->
  <xsl:template name="para-mark"><xsl:param name="rev"/></xsl:template>
  <xsl:template name="track"/>
  <xsl:template name="rev-id"><xsl:param name="slot"/>0</xsl:template>

  <!-- A paragraph of plain text in style $style. -->
  <xsl:template name="para">
    <xsl:param name="style" select="''"/>
    <xsl:param name="text"/>
    <xsl:param name="b" select="false()"/>
    <xsl:param name="before" select="''"/>
    <w:p>
      <xsl:if test="$style != '' or $before != ''">
        <w:pPr>
          <xsl:if test="$style != ''"><w:pStyle w:val="{$style}"/></xsl:if>
          <xsl:if test="$before != ''"><w:spacing w:before="{$before}"/></xsl:if>
          <xsl:call-template name="para-mark"/>
        </w:pPr>
      </xsl:if>
      <xsl:call-template name="run">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- A heading paragraph, with a bookmark when $anchor is given. -->
  <xsl:template name="heading">
    <xsl:param name="style"/>
    <xsl:param name="num" select="''"/>
    <xsl:param name="text"/>
    <xsl:param name="anchor" select="''"/>
    <xsl:param name="bookmark-id" select="0"/>
    <xsl:param name="page-break" select="false()"/>
    <xsl:param name="prefix" select="''"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="{$style}"/>
        <xsl:if test="$page-break"><w:pageBreakBefore/></xsl:if>
        <xsl:call-template name="para-mark"/>
      </w:pPr>
      <xsl:if test="$anchor != ''"><w:bookmarkStart w:id="{$bookmark-id}" w:name="{$anchor}"/></xsl:if>
      <xsl:copy-of select="$prefix"/>
      <xsl:if test="$num != ''">
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="$num"/>
          <xsl:with-param name="style" select="'HeadingNumber'"/>
        </xsl:call-template>
        <xsl:call-template name="run">
          <xsl:with-param name="text" select="' '"/>
          <xsl:with-param name="slot" select="1"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:copy-of select="$text"/>
      <xsl:if test="$anchor != ''"><w:bookmarkEnd w:id="{$bookmark-id}"/></xsl:if>
    </w:p>
  </xsl:template>

  <!--
    A Word bookmark name for an id of the sources: letters, digits and _
    only, at most 40 characters (Word's limits); "-" and "." become "_".
  -->
  <xsl:template name="anchor">
    <xsl:param name="id"/>
    <xsl:variable name="safe" select="translate($id, '-.:', '___')"/>
    <xsl:value-of select="substring(translate($safe, translate($safe, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_', ''), ''), 1, 40)"/>
  </xsl:template>

  <!-- A table cell holding one paragraph ($content: runs) in $style. -->
  <xsl:template name="cell">
    <xsl:param name="w"/>
    <xsl:param name="content"/>
    <xsl:param name="style" select="'TableText'"/>
    <xsl:param name="jc" select="''"/>
    <w:tc>
      <w:tcPr><w:tcW w:w="{$w}" w:type="dxa"/></w:tcPr>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="{$style}"/>
          <xsl:if test="$jc != ''"><w:jc w:val="{$jc}"/></xsl:if>
        </w:pPr>
        <xsl:copy-of select="$content"/>
      </w:p>
    </w:tc>
  </xsl:template>

  <!-- A text cell: $text as one run. -->
  <xsl:template name="text-cell">
    <xsl:param name="w"/>
    <xsl:param name="text"/>
    <xsl:param name="style" select="'TableText'"/>
    <xsl:param name="jc" select="''"/>
    <xsl:call-template name="cell">
      <xsl:with-param name="w" select="$w"/>
      <xsl:with-param name="style" select="$style"/>
      <xsl:with-param name="jc" select="$jc"/>
      <xsl:with-param name="content">
        <xsl:call-template name="run"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    tblPr and tblGrid of a table: $style (a table style), $widths (grid
    column widths separated by spaces), $header (first row is a header
    row), $first-col (first column is a header column), $caption (alt
    text for assistive technology).
  -->
  <xsl:template name="table-start">
    <xsl:param name="style" select="'StyrdokTable'"/>
    <xsl:param name="widths"/>
    <xsl:param name="header" select="true()"/>
    <xsl:param name="first-col" select="false()"/>
    <xsl:param name="caption" select="''"/>
    <w:tblPr>
      <w:tblStyle w:val="{$style}"/>
      <w:tblW w:w="{$text-w}" w:type="dxa"/>
      <w:tblLayout w:type="fixed"/>
      <w:tblLook w:firstRow="{number($header)}" w:lastRow="0" w:firstColumn="{number($first-col)}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>
      <xsl:if test="$caption != ''"><w:tblCaption w:val="{$caption}"/></xsl:if>
    </w:tblPr>
    <w:tblGrid>
      <xsl:for-each select="str:tokenize($widths, ' ')">
        <w:gridCol w:w="{.}"/>
      </xsl:for-each>
    </w:tblGrid>
  </xsl:template>

  <!-- trPr of a header row: repeated on every page, never split. -->
  <xsl:template name="header-row-pr">
    <w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>
  </xsl:template>

  <!--
    The widths for $n columns where the first takes $first twips and the
    rest share what is left; the last takes the rounding remainder.
  -->
  <xsl:template name="widths">
    <xsl:param name="first"/>
    <xsl:param name="n"/>
    <xsl:variable name="each" select="floor(($text-w - $first) div ($n - 1))"/>
    <xsl:value-of select="$first"/>
    <xsl:call-template name="widths-rest">
      <xsl:with-param name="each" select="$each"/>
      <xsl:with-param name="left" select="$n - 1"/>
      <xsl:with-param name="last" select="$text-w - $first - $each * ($n - 2)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template name="widths-rest">
    <xsl:param name="each"/>
    <xsl:param name="left"/>
    <xsl:param name="last"/>
    <xsl:choose>
      <xsl:when test="$left = 1"><xsl:value-of select="concat(' ', $last)"/></xsl:when>
      <xsl:when test="$left > 1">
        <xsl:value-of select="concat(' ', $each)"/>
        <xsl:call-template name="widths-rest">
          <xsl:with-param name="each" select="$each"/>
          <xsl:with-param name="left" select="$left - 1"/>
          <xsl:with-param name="last" select="$last"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== word/styles.xml ===== -->

  <xsl:template name="styles">
    <w:styles>
      <xsl:copy-of select="exsl:node-set($ns-word)/*/namespace::*[name() = 'w' or name() = 'r']"/>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <w:rFonts w:ascii="{$font}" w:hAnsi="{$font}" w:eastAsia="{$font}" w:cs="{$font}"/>
            <w:color w:val="{$c-text}"/>
            <w:sz w:val="21"/>
            <w:szCs w:val="21"/>
            <w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault>
          <!--
            The PDF's 2.5 mm after a paragraph, and a line pitch at which
            Word and LibreOffice set as many lines of 10.5 pt Arial on a
            page as FOP sets at line-height 1.45 (342, found with
            LibreOffice on the bundled documents).
          -->
          <w:pPr><w:spacing w:after="142" w:line="342" w:lineRule="auto"/></w:pPr>
        </w:pPrDefault>
      </w:docDefaults>

      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/>
        <w:qFormat/>
        <w:pPr><w:widowControl/></w:pPr>
      </w:style>
      <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
        <w:name w:val="Default Paragraph Font"/>
        <w:uiPriority w:val="1"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
      </w:style>
      <w:style w:type="table" w:default="1" w:styleId="TableNormal">
        <w:name w:val="Normal Table"/>
        <w:uiPriority w:val="99"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
        <w:tblPr>
          <w:tblInd w:w="0" w:type="dxa"/>
          <w:tblCellMar>
            <w:top w:w="0" w:type="dxa"/>
            <w:left w:w="108" w:type="dxa"/>
            <w:bottom w:w="0" w:type="dxa"/>
            <w:right w:w="108" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
      </w:style>
      <w:style w:type="numbering" w:default="1" w:styleId="NoList">
        <w:name w:val="No List"/>
        <w:uiPriority w:val="99"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
      </w:style>

      <!-- Title and headings: Word's built-in names, so the navigation pane and TOC work. -->
      <w:style w:type="paragraph" w:styleId="Title">
        <w:name w:val="Title"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="10"/>
        <w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>
        <w:rPr><w:b/><w:color w:val="{$c-primary}"/><w:kern w:val="28"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>
      </w:style>
      <!--
        The PDF's heading sizes and spacing.  FOP keeps the larger of a
        paragraph's space after and a heading's space before, Word adds
        them: each space before here is the PDF's less 2.5 mm.
      -->
      <xsl:call-template name="heading-style">
        <xsl:with-param name="n" select="1"/>
        <xsl:with-param name="sz" select="29"/>
        <xsl:with-param name="before" select="368"/>
        <xsl:with-param name="after" select="170"/>
        <xsl:with-param name="rule" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="heading-style">
        <xsl:with-param name="n" select="2"/>
        <xsl:with-param name="sz" select="24"/>
        <xsl:with-param name="before" select="198"/>
        <xsl:with-param name="after" select="113"/>
      </xsl:call-template>
      <xsl:call-template name="heading-style">
        <xsl:with-param name="n" select="3"/>
        <xsl:with-param name="sz" select="21"/>
        <xsl:with-param name="before" select="113"/>
        <xsl:with-param name="after" select="85"/>
      </xsl:call-template>
      <xsl:call-template name="heading-style">
        <xsl:with-param name="n" select="4"/>
        <xsl:with-param name="sz" select="21"/>
        <xsl:with-param name="before" select="200"/>
      </xsl:call-template>
      <w:style w:type="character" w:styleId="HeadingNumber">
        <w:name w:val="Rubriknummer"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="11"/>
        <w:rPr><w:color w:val="{$c-muted}"/></w:rPr>
      </w:style>

      <!-- Front matter: the masthead lines, the draft marking, non-outline headings. -->
      <w:style w:type="paragraph" w:styleId="Masthead">
        <w:name w:val="Dokumenthuvud"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="11"/>
        <w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr>
        <w:rPr><w:b/><w:color w:val="{$c-primary}"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="DocType">
        <w:name w:val="Dokumenttyp"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="11"/>
        <w:pPr>
          <w:keepNext/>
          <w:pBdr><w:bottom w:val="single" w:sz="24" w:space="4" w:color="{$c-primary}"/></w:pBdr>
          <w:spacing w:after="240"/>
        </w:pPr>
        <w:rPr><w:caps/><w:color w:val="{$c-muted}"/><w:spacing w:val="10"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="DraftMark">
        <w:name w:val="Utkastmarkering"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="11"/>
        <w:pPr>
          <w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="{$c-draft}"/></w:pBdr>
          <w:spacing w:after="120"/>
        </w:pPr>
        <w:rPr><w:b/><w:color w:val="{$c-draft}"/><w:spacing w:val="40"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="FrontHeading">
        <w:name w:val="Rubrik utan numrering"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="11"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:keepLines/>
          <w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{$c-rule}"/></w:pBdr>
          <w:spacing w:before="360" w:after="120"/>
        </w:pPr>
        <w:rPr><w:b/><w:color w:val="{$c-primary}"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TOCHeading">
        <w:name w:val="TOC Heading"/>
        <w:basedOn w:val="FrontHeading"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="39"/>
        <w:unhideWhenUsed/>
        <w:qFormat/>
        <w:pPr><w:pageBreakBefore/><w:outlineLvl w:val="9"/></w:pPr>
      </w:style>
      <xsl:call-template name="toc-style"><xsl:with-param name="n" select="1"/></xsl:call-template>
      <xsl:call-template name="toc-style"><xsl:with-param name="n" select="2"/></xsl:call-template>
      <xsl:call-template name="toc-style"><xsl:with-param name="n" select="3"/></xsl:call-template>

      <!-- Requirements: a box with a bar on the left, as on the HTML page. -->
      <w:style w:type="paragraph" w:styleId="RequirementHead">
        <w:name w:val="Krav – rubrik"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Requirement"/>
        <w:uiPriority w:val="12"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:keepLines/>
          <w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="{$c-primary}"/></w:pBdr>
          <w:shd w:val="clear" w:color="auto" w:fill="F4F7FB"/>
          <w:spacing w:before="240" w:after="40"/>
          <w:ind w:left="227" w:right="113"/>
        </w:pPr>
        <w:rPr><w:color w:val="{$c-muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Requirement">
        <w:name w:val="Krav"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="RequirementMeta"/>
        <w:uiPriority w:val="12"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepNext/>
          <w:keepLines/>
          <w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="{$c-primary}"/></w:pBdr>
          <w:shd w:val="clear" w:color="auto" w:fill="F4F7FB"/>
          <w:spacing w:before="0" w:after="40"/>
          <w:ind w:left="227" w:right="113"/>
        </w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="RequirementMeta">
        <w:name w:val="Krav – uppgifter"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="12"/>
        <w:qFormat/>
        <w:pPr>
          <w:keepLines/>
          <w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="{$c-primary}"/></w:pBdr>
          <w:shd w:val="clear" w:color="auto" w:fill="F4F7FB"/>
          <w:spacing w:before="0" w:after="120"/>
          <w:ind w:left="227" w:right="113"/>
        </w:pPr>
        <w:rPr><w:color w:val="{$c-muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="RequirementText">
        <w:name w:val="Krav – brödtext"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="12"/>
        <w:pPr><w:ind w:left="227"/></w:pPr>
      </w:style>

      <!-- Definitions, prose headings, quotes, code. -->
      <w:style w:type="paragraph" w:styleId="Term">
        <w:name w:val="Begrepp"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Definition"/>
        <w:uiPriority w:val="13"/>
        <w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0"/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Definition">
        <w:name w:val="Definition"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Term"/>
        <w:uiPriority w:val="13"/>
        <w:qFormat/>
        <w:pPr><w:ind w:left="567"/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ProseHeading">
        <w:name w:val="Mellanrubrik"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="13"/>
        <w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/></w:pPr>
        <w:rPr><w:b/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Quote">
        <w:name w:val="Quote"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="29"/>
        <w:qFormat/>
        <w:pPr>
          <w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{$c-rule}"/></w:pBdr>
          <w:ind w:left="284"/>
        </w:pPr>
        <w:rPr><w:color w:val="{$c-muted}"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="CodeBlock">
        <w:name w:val="Kodblock"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="13"/>
        <w:pPr>
          <w:shd w:val="clear" w:color="auto" w:fill="F5F5F5"/>
          <w:spacing w:line="240" w:lineRule="auto"/>
        </w:pPr>
        <w:rPr><w:rFonts w:ascii="{$mono}" w:hAnsi="{$mono}" w:cs="{$mono}"/><w:noProof/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="CodeChar">
        <w:name w:val="Kod"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="13"/>
        <w:rPr><w:rFonts w:ascii="{$mono}" w:hAnsi="{$mono}" w:cs="{$mono}"/><w:noProof/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="HorizontalRule">
        <w:name w:val="Avgränsare"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="13"/>
        <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{$c-rule}"/></w:pBdr></w:pPr>
      </w:style>
      <w:style w:type="character" w:styleId="Hyperlink">
        <w:name w:val="Hyperlink"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="99"/>
        <w:unhideWhenUsed/>
        <w:rPr><w:color w:val="{$c-primary}"/><w:u w:val="single"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="Gap">
        <w:name w:val="Brist"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="13"/>
        <w:rPr><w:b/><w:color w:val="{$c-draft}"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="Stamp">
        <w:name w:val="Stämpel"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="13"/>
        <w:rPr><w:rFonts w:ascii="{$mono}" w:hAnsi="{$mono}" w:cs="{$mono}"/><w:caps w:val="0"/><w:noProof/><w:color w:val="{$c-muted}"/><w:spacing w:val="0"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="ChangeNote">
        <w:name w:val="Ändringsnotering"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="13"/>
        <w:rPr><w:b/><w:color w:val="{$c-accent}"/></w:rPr>
      </w:style>

      <!-- Comments (the notes of a redline). -->
      <w:style w:type="paragraph" w:styleId="CommentText">
        <w:name w:val="annotation text"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="99"/>
        <w:unhideWhenUsed/>
        <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
        <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
      </w:style>
      <w:style w:type="character" w:styleId="CommentReference">
        <w:name w:val="annotation reference"/>
        <w:basedOn w:val="DefaultParagraphFont"/>
        <w:uiPriority w:val="99"/>
        <w:semiHidden/>
        <w:unhideWhenUsed/>
        <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
      </w:style>

      <!-- Lists. -->
      <w:style w:type="paragraph" w:styleId="ListParagraph">
        <w:name w:val="List Paragraph"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="34"/>
        <w:qFormat/>
        <w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListBullet">
        <w:name w:val="List Bullet"/>
        <w:basedOn w:val="ListParagraph"/>
        <w:uiPriority w:val="35"/>
        <w:unhideWhenUsed/>
        <w:qFormat/>
        <w:pPr>
          <w:numPr><w:numId w:val="1"/></w:numPr>
          <w:spacing w:after="60"/>
          <w:ind w:left="360" w:hanging="360"/>
          <w:contextualSpacing/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListNumber">
        <w:name w:val="List Number"/>
        <w:basedOn w:val="ListParagraph"/>
        <w:uiPriority w:val="35"/>
        <w:unhideWhenUsed/>
        <w:qFormat/>
        <w:pPr>
          <w:numPr><w:numId w:val="2"/></w:numPr>
          <w:spacing w:after="60"/>
          <w:ind w:left="360" w:hanging="360"/>
          <w:contextualSpacing/>
        </w:pPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="ListContinue">
        <w:name w:val="List Continue"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="35"/>
        <w:unhideWhenUsed/>
        <w:pPr><w:spacing w:after="60"/><w:ind w:left="360"/></w:pPr>
      </w:style>

      <!-- Tables, captions and small print. -->
      <w:style w:type="paragraph" w:styleId="Caption">
        <w:name w:val="caption"/>
        <w:basedOn w:val="Normal"/>
        <w:next w:val="Normal"/>
        <w:uiPriority w:val="35"/>
        <w:unhideWhenUsed/>
        <w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr>
        <w:rPr><w:b/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="TableText">
        <w:name w:val="Tabelltext"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="14"/>
        <w:qFormat/>
        <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
        <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="SmallText">
        <w:name w:val="Liten text"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="14"/>
        <w:qFormat/>
        <w:rPr><w:color w:val="{$c-muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Colophon">
        <w:name w:val="Kolofon"/>
        <w:basedOn w:val="SmallText"/>
        <w:uiPriority w:val="14"/>
        <w:pPr>
          <w:keepNext/>
          <w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{$c-rule}"/></w:pBdr>
          <w:spacing w:before="480" w:after="40"/>
        </w:pPr>
      </w:style>
      <w:style w:type="table" w:styleId="StyrdokTable">
        <w:name w:val="Styrdok tabell"/>
        <w:basedOn w:val="TableNormal"/>
        <w:uiPriority w:val="59"/>
        <w:qFormat/>
        <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
        <w:tblPr>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="{$c-rule}"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="{$c-rule}"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{$c-rule}"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="{$c-rule}"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{$c-rule}"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{$c-rule}"/>
          </w:tblBorders>
          <w:tblCellMar>
            <w:top w:w="57" w:type="dxa"/>
            <w:left w:w="85" w:type="dxa"/>
            <w:bottom w:w="57" w:type="dxa"/>
            <w:right w:w="85" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
        <w:tblStylePr w:type="firstRow">
          <w:pPr><w:keepNext/></w:pPr>
          <w:rPr><w:b/></w:rPr>
          <w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>
          <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF3F8"/></w:tcPr>
        </w:tblStylePr>
        <w:tblStylePr w:type="firstCol">
          <w:rPr><w:b/></w:rPr>
        </w:tblStylePr>
      </w:style>
      <w:style w:type="table" w:styleId="KeyValueTable">
        <w:name w:val="Styrdok uppgiftstabell"/>
        <w:basedOn w:val="StyrdokTable"/>
        <w:uiPriority w:val="59"/>
        <w:qFormat/>
        <w:tblStylePr w:type="firstCol">
          <w:rPr><w:b/></w:rPr>
          <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F5F7FA"/></w:tcPr>
        </w:tblStylePr>
      </w:style>

      <!-- Page furniture. -->
      <w:style w:type="paragraph" w:styleId="Header">
        <w:name w:val="header"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="99"/>
        <w:unhideWhenUsed/>
        <w:pPr>
          <w:tabs><w:tab w:val="right" w:pos="{$text-w}"/></w:tabs>
          <w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
        </w:pPr>
        <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
      </w:style>
      <w:style w:type="paragraph" w:styleId="Footer">
        <w:name w:val="footer"/>
        <w:basedOn w:val="Normal"/>
        <w:uiPriority w:val="99"/>
        <w:unhideWhenUsed/>
        <w:pPr>
          <w:tabs><w:tab w:val="right" w:pos="{$text-w}"/></w:tabs>
          <w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
        </w:pPr>
        <w:rPr><w:color w:val="{$c-muted}"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
      </w:style>
    </w:styles>
  </xsl:template>

  <xsl:template name="heading-style">
    <xsl:param name="n"/>
    <xsl:param name="sz"/>
    <xsl:param name="before"/>
    <xsl:param name="after" select="85"/>
    <xsl:param name="rule" select="false()"/>
    <w:style w:type="paragraph" w:styleId="Heading{$n}">
      <w:name w:val="heading {$n}"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="Normal"/>
      <w:uiPriority w:val="9"/>
      <xsl:if test="$n > 1"><w:unhideWhenUsed/></xsl:if>
      <w:qFormat/>
      <w:pPr>
        <w:keepNext/>
        <w:keepLines/>
        <xsl:if test="$rule">
          <w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{$c-rule}"/></w:pBdr>
        </xsl:if>
        <w:spacing w:before="{$before}" w:after="{$after}" w:line="261" w:lineRule="auto"/>
        <w:outlineLvl w:val="{$n - 1}"/>
      </w:pPr>
      <w:rPr>
        <w:b/>
        <w:bCs/>
        <xsl:if test="$n &lt; 3"><w:color w:val="{$c-primary}"/></xsl:if>
        <w:sz w:val="{$sz}"/>
        <w:szCs w:val="{$sz}"/>
      </w:rPr>
    </w:style>
  </xsl:template>

  <xsl:template name="toc-style">
    <xsl:param name="n"/>
    <w:style w:type="paragraph" w:styleId="TOC{$n}">
      <w:name w:val="toc {$n}"/>
      <w:basedOn w:val="Normal"/>
      <w:next w:val="Normal"/>
      <w:uiPriority w:val="39"/>
      <w:unhideWhenUsed/>
      <w:pPr>
        <w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{$text-w}"/></w:tabs>
        <w:spacing w:before="0" w:after="40"/>
        <w:ind w:left="{($n - 1) * 340}"/>
      </w:pPr>
    </w:style>
  </xsl:template>
</xsl:stylesheet>
