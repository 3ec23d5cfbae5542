<?xml version="1.0" encoding="UTF-8"?>
<!-- Original test file for SIP core: a small plan ogólny in APP 2.0 written with the older
     http://zagospodarowanieprzestrzenne.gov.pl namespace spelling, EPSG:2178 northing first:
     the extent is covered by two zones (1SJ west, 1SU east); an ObszarZabudowySrodmiejskiej overlays 1SU. -->
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0"
    xmlns:app="http://zagospodarowanieprzestrzenne.gov.pl/schemas/app/2.0"
    xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">
  <wfs:member>
    <app:AktPlanowaniaPrzestrzennego gml:id="PL.ZIPPZP.9999_146501-POG_1POG_20250102T100000">
      <app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>1POG</app:lokalnyId><app:wersjaId>20250102T100000</app:wersjaId></app:Identyfikator></app:idIIP>
      <app:poczatekWersjiObiektu>2025-01-02T10:00:00Z</app:poczatekWersjiObiektu>
      <app:tytul>Plan ogólny gminy Przykładowej</app:tytul>
      <app:typPlanu xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/TypAktuPlanowaniaPrzestrzennegoKod/planOgolnyGminy" xlink:title="plan ogólny gminy"/>
      <app:poziomHierarchii xlink:href="http://inspire.ec.europa.eu/codelist/LevelOfSpatialPlanValue/local" xlink:title="lokalny"/>
      <app:obowiazujeOd>2025-03-01</app:obowiazujeOd>
      <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted" xlink:title="prawnie wiążący"/>
      <app:zasiegPrzestrzenny><gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::2178" srsDimension="2"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
        <gml:posList>5790000 7480000 5790000 7481000 5790500 7481000 5790500 7480000 5790000 7480000</gml:posList>
      </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></app:zasiegPrzestrzenny>
    </app:AktPlanowaniaPrzestrzennego>
  </wfs:member>
  <wfs:member>
    <app:StrefaPlanistyczna gml:id="PL.ZIPPZP.9999_146501-POG_1POG-1SJ_20250102T100000">
      <app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>1POG-1SJ</app:lokalnyId><app:wersjaId>20250102T100000</app:wersjaId></app:Identyfikator></app:idIIP>
      <app:oznaczenie>1SJ</app:oznaczenie>
      <app:symbol>SJ</app:symbol>
      <app:poczatekWersjiObiektu>2025-01-02T10:00:00Z</app:poczatekWersjiObiektu>
      <app:obowiazujeOd>2025-03-01</app:obowiazujeOd>
      <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted"/>
      <app:charakterUstalenia xlink:href="https://inspire.ec.europa.eu/codelist/RegulationNatureValue/generallyBinding"/>
      <app:geometria><gml:Polygon srsName="urn:ogc:def:crs:EPSG::2178"><gml:exterior><gml:LinearRing>
        <gml:posList>5790000 7480000 5790000 7480400 5790500 7480400 5790500 7480000 5790000 7480000</gml:posList>
      </gml:LinearRing></gml:exterior></gml:Polygon></app:geometria>
      <app:plan xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/AktPlanowaniaPrzestrzennego/PL.ZIPPZP.9999/146501-POG/1POG/20250102T100000"/>
      <app:nazwa xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/RodzajStrefyPlanistycznejKod/strefaWielofunkcyjnaZZabudowaMieszkaniowaJednorodzinna" xlink:title="strefa wielofunkcyjna z zabudową mieszkaniową jednorodzinną"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-MN" xlink:title="teren zabudowy mieszkaniowej jednorodzinnej"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-U"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-K"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-ZP"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-ZD"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-I"/>
      <app:maksNadziemnaIntensywnoscZabudowy>0.8</app:maksNadziemnaIntensywnoscZabudowy>
      <app:maksUdzialPowierzchniZabudowy>35</app:maksUdzialPowierzchniZabudowy>
      <app:maksWysokoscZabudowy uom="m">12</app:maksWysokoscZabudowy>
      <app:minUdzialPowierzchniBiologicznieCzynnej>40</app:minUdzialPowierzchniBiologicznieCzynnej>
    </app:StrefaPlanistyczna>
  </wfs:member>
  <wfs:member>
    <app:StrefaPlanistyczna gml:id="PL.ZIPPZP.9999_146501-POG_1POG-1SU_20250102T100000">
      <app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>1POG-1SU</app:lokalnyId><app:wersjaId>20250102T100000</app:wersjaId></app:Identyfikator></app:idIIP>
      <app:oznaczenie>1SU</app:oznaczenie>
      <app:symbol>SU</app:symbol>
      <app:poczatekWersjiObiektu>2025-01-02T10:00:00Z</app:poczatekWersjiObiektu>
      <app:obowiazujeOd>2025-03-01</app:obowiazujeOd>
      <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted"/>
      <app:charakterUstalenia xlink:href="https://inspire.ec.europa.eu/codelist/RegulationNatureValue/generallyBinding"/>
      <app:geometria><gml:Polygon srsName="urn:ogc:def:crs:EPSG::2178"><gml:exterior><gml:LinearRing>
        <gml:posList>5790000 7480400 5790000 7481000 5790500 7481000 5790500 7480400 5790000 7480400</gml:posList>
      </gml:LinearRing></gml:exterior></gml:Polygon></app:geometria>
      <app:plan xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/AktPlanowaniaPrzestrzennego/PL.ZIPPZP.9999/146501-POG/1POG/20250102T100000"/>
      <app:nazwa xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/RodzajStrefyPlanistycznejKod/strefaUslugowa" xlink:title="strefa usługowa"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-U"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-K"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-ZP"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-ZD"/>
      <app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-I"/>
      <app:maksNadziemnaIntensywnoscZabudowy>2.5</app:maksNadziemnaIntensywnoscZabudowy>
      <app:maksUdzialPowierzchniZabudowy>60</app:maksUdzialPowierzchniZabudowy>
      <app:maksWysokoscZabudowy uom="m">25</app:maksWysokoscZabudowy>
      <app:minUdzialPowierzchniBiologicznieCzynnej>20</app:minUdzialPowierzchniBiologicznieCzynnej>
    </app:StrefaPlanistyczna>
  </wfs:member>
  <wfs:member>
    <app:ObszarZabudowySrodmiejskiej gml:id="PL.ZIPPZP.9999_146501-POG_1POG-1OZS_20250102T100000">
      <app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>1POG-1OZS</app:lokalnyId><app:wersjaId>20250102T100000</app:wersjaId></app:Identyfikator></app:idIIP>
      <app:oznaczenie>1OZS</app:oznaczenie>
      <app:symbol>OZS</app:symbol>
      <app:poczatekWersjiObiektu>2025-01-02T10:00:00Z</app:poczatekWersjiObiektu>
      <app:obowiazujeOd>2025-03-01</app:obowiazujeOd>
      <app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted"/>
      <app:charakterUstalenia xlink:href="https://inspire.ec.europa.eu/codelist/RegulationNatureValue/generallyBinding"/>
      <app:geometria><gml:Polygon srsName="urn:ogc:def:crs:EPSG::2178"><gml:exterior><gml:LinearRing>
        <gml:posList>5790100 7480500 5790100 7480900 5790400 7480900 5790400 7480500 5790100 7480500</gml:posList>
      </gml:LinearRing></gml:exterior></gml:Polygon></app:geometria>
    </app:ObszarZabudowySrodmiejskiej>
  </wfs:member>
</wfs:FeatureCollection>
