<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:s="urn:styrdok:1">
<xsl:param name="doc"/>
<xsl:output method="text"/>
<xsl:template match="/"><xsl:value-of select="//s:document[@id=$doc]/s:meta/s:title"/></xsl:template>
</xsl:stylesheet>
