<?xml version="1.0" encoding="UTF-8"?>
<!-- Original test file for SIP core: an MPZP act in APP 1.0 (gov.pl namespace), EPSG:2180 northing first. -->
<app:AktPlanowaniaPrzestrzennegoKolekcja xmlns:app="https://www.gov.pl/static/zagospodarowanieprzestrzenne/schemas/app/1.0"
    xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <app:AktPlanowaniaPrzestrzennego gml:id="PL.ZIPPZP.2401_246601-MPZP_12MPZP_20210301T120000">
    <app:idIIP><app:Identyfikator>
      <app:przestrzenNazw>PL.ZIPPZP.2401/246601-MPZP</app:przestrzenNazw>
      <app:lokalnyId>12MPZP</app:lokalnyId>
      <app:wersjaId>20210301T120000</app:wersjaId>
    </app:Identyfikator></app:idIIP>
    <app:tytul>Miejscowy plan zagospodarowania przestrzennego „Łąki Źródlane” w Żółkiewce</app:tytul>
    <app:typPlanu xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/TypAktuPlanowaniaPrzestrzennegoKod/miejscowyPlanZagospodarowaniaPrzestrzennego" xlink:title="miejscowy plan zagospodarowania przestrzennego"/>
    <app:poziomHierarchii xlink:href="http://inspire.ec.europa.eu/codelist/LevelOfSpatialPlanValue/local" xlink:title="lokalny"/>
    <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted" xlink:title="prawnie wiążący"/>
    <app:obowiazujeOd>2019-06-01</app:obowiazujeOd>
    <app:poczatekWersjiObiektu>2021-03-01T12:00:00Z</app:poczatekWersjiObiektu>
    <app:zmiana>0</app:zmiana>
    <app:zasiegPrzestrzenny>
      <gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2">
        <gml:surfaceMember><gml:Polygon>
          <gml:exterior><gml:LinearRing><gml:posList>
            300000.00 500000.00 300000.00 500250.50
            300112.00 500250.50 300112.00 500000.00
            300000.00 500000.00
          </gml:posList></gml:LinearRing></gml:exterior>
          <gml:interior><gml:LinearRing><gml:posList>300040 500040 300060 500040 300060 500060 300040 500060 300040 500040</gml:posList></gml:LinearRing></gml:interior>
        </gml:Polygon></gml:surfaceMember>
      </gml:MultiSurface>
    </app:zasiegPrzestrzenny>
    <app:dokument xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/DokumentFormalny/PL.ZIPPZP.2401/246601-MPZP/UCHWALA-XII-34-2019/20210301T120000"/>
    <app:dokumentUchwalajacy xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/DokumentFormalny/PL.ZIPPZP.2401/246601-MPZP/UCHWALA-XII-34-2019/20210301T120000"/>
    <app:rysunek xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/RysunekAktuPlanowaniaPrzestrzennego/PL.ZIPPZP.2401/246601-MPZP/12MPZP-R1/20210301T120000"/>
  </app:AktPlanowaniaPrzestrzennego>
  <app:DokumentFormalny gml:id="PL.ZIPPZP.2401_246601-MPZP_UCHWALA-XII-34-2019_20210301T120000">
    <app:idIIP><app:Identyfikator>
      <app:przestrzenNazw>PL.ZIPPZP.2401/246601-MPZP</app:przestrzenNazw>
      <app:lokalnyId>UCHWALA-XII-34-2019</app:lokalnyId>
      <app:wersjaId>20210301T120000</app:wersjaId>
    </app:Identyfikator></app:idIIP>
    <app:tytul>Uchwała nr XII/34/2019 Rady Gminy Żółkiewka w sprawie miejscowego planu</app:tytul>
    <app:nazwaSkrocona>Uchwała XII/34/2019</app:nazwaSkrocona>
    <app:numerIdentyfikacyjny>XII/34/2019</app:numerIdentyfikacyjny>
    <app:organUstanawiajacy>Rada Gminy Żółkiewka</app:organUstanawiajacy>
    <app:data>2019-04-25</app:data>
    <app:dataWejsciaWZycie>2019-06-01</app:dataWejsciaWZycie>
    <app:lacze>https://bip.example.gov.pl/uchwaly/XII-34-2019.pdf</app:lacze>
  </app:DokumentFormalny>
  <app:RysunekAktuPlanowaniaPrzestrzennego gml:id="PL.ZIPPZP.2401_246601-MPZP_12MPZP-R1_20210301T120000">
    <app:idIIP><app:Identyfikator>
      <app:przestrzenNazw>PL.ZIPPZP.2401/246601-MPZP</app:przestrzenNazw>
      <app:lokalnyId>12MPZP-R1</app:lokalnyId>
      <app:wersjaId>20210301T120000</app:wersjaId>
    </app:Identyfikator></app:idIIP>
    <app:poczatekWersjiObiektu>2021-03-01T12:00:00Z</app:poczatekWersjiObiektu>
    <app:tytul>Rysunek planu, arkusz 1</app:tytul>
    <app:lacze>https://bip.example.gov.pl/uchwaly/XII-34-2019-rysunek.tif</app:lacze>
    <app:legenda>https://bip.example.gov.pl/uchwaly/XII-34-2019-legenda.png</app:legenda>
    <app:ukladOdniesieniaPrzestrzennego>http://www.opengis.net/def/crs/EPSG/0/2180</app:ukladOdniesieniaPrzestrzennego>
    <app:obowiazujeOd>2019-06-01</app:obowiazujeOd>
    <app:plan xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/AktPlanowaniaPrzestrzennego/PL.ZIPPZP.2401/246601-MPZP/12MPZP/20210301T120000"/>
  </app:RysunekAktuPlanowaniaPrzestrzennego>
</app:AktPlanowaniaPrzestrzennegoKolekcja>
