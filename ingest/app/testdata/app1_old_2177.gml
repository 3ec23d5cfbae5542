<?xml version="1.0" encoding="UTF-8"?>
<!-- Original test file for SIP core: APP 1.0 in the older zagospodarowanieprzestrzenne.gov.pl namespace,
     PL-2000 zone 6 (EPSG:2177, northing first), an archived and a current version of one plan. -->
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0"
    xmlns:app="http://zagospodarowanieprzestrzenne.gov.pl/schemas/app/1.0"
    xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">
  <wfs:member>
    <app:AktPlanowaniaPrzestrzennego gml:id="PL.ZIPPZP.0222_020101-MPZP_7MPZP_20200115T080000">
      <app:idIIP><app:Identyfikator>
        <app:przestrzenNazw>PL.ZIPPZP.0222/020101-MPZP</app:przestrzenNazw>
        <app:lokalnyId>7MPZP</app:lokalnyId>
        <app:wersjaId>20200115T080000</app:wersjaId>
      </app:Identyfikator></app:idIIP>
      <app:tytul>MPZP terenu przy ulicy Leśnej</app:tytul>
      <app:typPlanu xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/TypAktuPlanowaniaPrzestrzennegoKod/miejscowyPlanZagospodarowaniaPrzestrzennego"/>
      <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted" xlink:title="prawnie wiążący"/>
      <app:obowiazujeOd>2020-02-01</app:obowiazujeOd>
      <app:poczatekWersjiObiektu>2020-01-15T08:00:00Z</app:poczatekWersjiObiektu>
      <app:koniecWersjiObiektu>2022-05-10T09:30:00Z</app:koniecWersjiObiektu>
      <app:zasiegPrzestrzenny>
        <gml:MultiSurface srsName="http://www.opengis.net/def/crs/EPSG/0/2177">
          <gml:surfaceMember><gml:Polygon srsDimension="2"><gml:exterior><gml:LinearRing>
            <gml:posList>5789012.25 6497512.75 5789012.25 6497812.75 5789312.25 6497812.75 5789312.25 6497512.75 5789012.25 6497512.75</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
        </gml:MultiSurface>
      </app:zasiegPrzestrzenny>
    </app:AktPlanowaniaPrzestrzennego>
  </wfs:member>
  <wfs:member>
    <app:AktPlanowaniaPrzestrzennego gml:id="PL.ZIPPZP.0222_020101-MPZP_7MPZP_20220510T093000">
      <app:idIIP><app:Identyfikator>
        <app:przestrzenNazw>PL.ZIPPZP.0222/020101-MPZP</app:przestrzenNazw>
        <app:lokalnyId>7MPZP</app:lokalnyId>
        <app:wersjaId>20220510T093000</app:wersjaId>
      </app:Identyfikator></app:idIIP>
      <app:tytul>MPZP terenu przy ulicy Leśnej – zmiana nr 1</app:tytul>
      <app:typPlanu xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/TypAktuPlanowaniaPrzestrzennegoKod/miejscowyPlanZagospodarowaniaPrzestrzennego"/>
      <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted" xlink:title="prawnie wiążący"/>
      <app:obowiazujeOd>2022-06-01</app:obowiazujeOd>
      <app:poczatekWersjiObiektu>2022-05-10T09:30:00Z</app:poczatekWersjiObiektu>
      <app:zmiana>1</app:zmiana>
      <app:zasiegPrzestrzenny>
        <gml:Polygon srsName="urn:ogc:def:crs:EPSG::2177"><gml:exterior><gml:LinearRing>
          <gml:posList>5789012.25 6497512.75 5789012.25 6497912.75 5789312.25 6497912.75
             5789312.25 6497512.75 5789012.25 6497512.75</gml:posList>
        </gml:LinearRing></gml:exterior></gml:Polygon>
      </app:zasiegPrzestrzenny>
    </app:AktPlanowaniaPrzestrzennego>
  </wfs:member>
</wfs:FeatureCollection>
