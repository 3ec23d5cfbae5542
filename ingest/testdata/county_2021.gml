<?xml version="1.0" encoding="UTF-8"?>
<!-- Hand-written SIP core test file, 2021 EGiB schema (EGIB.XSD 1.10). Invented data. -->
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"
    xmlns:egb="ewidencjaGruntowIBudynkow:1.0"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    gml:id="fc">
  <gml:featureMember>
    <egb:EGB_JednostkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_10000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>10000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:geometria>
        <gml:MultiSurface gml:id="g1" srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2">
          <gml:surfaceMember>
            <gml:Polygon gml:id="g1.1">
              <gml:exterior><gml:LinearRing><gml:posList>
                748000 485000 748000 490000 752000 490000 752000 485000 748000 485000
              </gml:posList></gml:LinearRing></gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </egb:geometria>
      <egb:idJednostkiEwid>990101_1</egb:idJednostkiEwid>
      <egb:nazwaWlasna>Testowo-Miasto</egb:nazwaWlasna>
      <egb:punktGranicyJednEwid xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:50000000-0000-4000-8000-000000000001"/>
    </egb:EGB_JednostkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_ObrebEwidencyjny gml:id="PL.PZGiK.9901.EGiB_20000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>20000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00Z</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00.250+02:00</egb:startWersjaObiekt>
      <egb:geometria>
        <gml:MultiSurface gml:id="g2" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:surfaceMembers>
            <gml:Surface gml:id="g2.1">
              <gml:patches>
                <gml:PolygonPatch>
                  <gml:exterior><gml:LinearRing>
                    <gml:pos>748500 486000</gml:pos>
                    <gml:pos>748500 488000</gml:pos>
                    <gml:pos>750000 488000</gml:pos>
                    <gml:pos>750000 486000</gml:pos>
                    <gml:pos>748500 486000</gml:pos>
                  </gml:LinearRing></gml:exterior>
                </gml:PolygonPatch>
              </gml:patches>
            </gml:Surface>
          </gml:surfaceMembers>
        </gml:MultiSurface>
      </egb:geometria>
      <egb:idObrebu>990101_1.0007</egb:idObrebu>
      <egb:nazwaWlasna>Zielona Dolina</egb:nazwaWlasna>
      <egb:lokalizacjaObrebu xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:10000000-0000-4000-8000-000000000001"/>
    </egb:EGB_ObrebEwidencyjny>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_30000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.9901.EGiB:30000000-0000-4000-8000-000000000001:2021-05-04T10:00:00</gml:identifier>
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>30000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990101_1.0007.12/3</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g3" srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">749000.00   487000.00
                 749000.00 487100.00
	749100.00 487100.00   <!-- a comment in the middle -->
                 749100.00 487000.00
                 749000.00 487000.00</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
          <gml:interior>
            <gml:LinearRing>
              <gml:posList>749040 487040 749060 487040 749060 487060 749040 487060 749040 487040</gml:posList>
            </gml:LinearRing>
          </gml:interior>
        </gml:Polygon>
      </egb:geometria>
      <egb:dokumentWlasnosci>Akt notarialny Rep. A 1/2020</egb:dokumentWlasnosci>
      <egb:numerKW>TE1T/00012345/6</egb:numerKW>
      <egb:numerKW>TE1T/00012346/3</egb:numerKW>
      <egb:poleEwidencyjne uom="ha">0.9600</egb:poleEwidencyjne>
      <egb:dokladnoscReprezentacjiPola>2</egb:dokladnoscReprezentacjiPola>
      <egb:klasouzytek><egb:EGB_Klasouzytek>
        <egb:OFU>R</egb:OFU><egb:OZU>R</egb:OZU><egb:OZK>IIIa</egb:OZK>
        <egb:powierzchnia uom="ha">0.6000</egb:powierzchnia>
      </egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:klasouzytek><egb:EGB_Klasouzytek>
        <egb:OFU>B</egb:OFU><egb:OZU xsi:nil="true" nilReason="inapplicable"/>
        <egb:powierzchnia uom="m2">3600</egb:powierzchnia>
      </egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:dodatkoweInformacje xsi:nil="true" nilReason="missing"/>
      <egb:JRG2 xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:40000000-0000-4000-8000-000000000001"/>
      <egb:punktGranicyDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:50000000-0000-4000-8000-000000000001"/>
      <egb:lokalizacjaDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:20000000-0000-4000-8000-000000000001"/>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_JednostkaRejestrowaGruntow gml:id="JRG.G17">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>40000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2019-01-15T08:00:00</egb:startWersjaObiekt>
      <egb:idJednostkiRejestrowej>990101_1.0007.G17</egb:idJednostkiRejestrowej>
      <egb:grupaRejestrowa>7.1</egb:grupaRejestrowa>
    </egb:EGB_JednostkaRejestrowaGruntow>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_OsobaFizyczna gml:id="OS.1">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>60000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2019-01-15T08:00:00</egb:startWersjaObiekt>
      <egb:pierwszeImie>Zdzisława</egb:pierwszeImie>
      <egb:pierwszyCzlonNazwiska>Fikcyjnowska</egb:pierwszyCzlonNazwiska>
      <egb:pesel>71032907788</egb:pesel>
      <egb:plec>2</egb:plec>
      <egb:status>1</egb:status>
      <egb:adresZameldowania><egb:EGB_AdresPodmiotu gml:id="ADR.1">
        <egb:kraj>Polska</egb:kraj><egb:miejscowosc>Nibylandia Wielka</egb:miejscowosc>
        <egb:numerPorzadkowy>77</egb:numerPorzadkowy>
      </egb:EGB_AdresPodmiotu></egb:adresZameldowania>
    </egb:EGB_OsobaFizyczna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_AdresPodmiotu gml:id="ADR.2">
      <egb:kraj>Polska</egb:kraj><egb:miejscowosc>Nibylandia Wielka</egb:miejscowosc>
      <egb:numerPorzadkowy>78</egb:numerPorzadkowy>
    </egb:EGB_AdresPodmiotu>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_Budynek gml:id="PL.PZGiK.9901.EGiB_70000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>70000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idBudynku>990101_1.0007.12/3.1_BUD</egb:idBudynku>
      <egb:geometria>
        <gml:MultiSurface gml:id="g7" srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="3">
          <gml:surfaceMember><gml:Polygon gml:id="g7.1"><gml:exterior><gml:LinearRing>
            <gml:posList>749010 487010 120.5 749010 487030 120.5 749030 487030 120.5 749030 487010 120.5 749010 487010 120.5</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
          <gml:surfaceMember><gml:Polygon gml:id="g7.2"><gml:exterior><gml:LinearRing>
            <gml:posList>749070 487070 121 749070 487090 121 749090 487090 121 749090 487070 121 749070 487070 121</gml:posList>
          </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
        </gml:MultiSurface>
      </egb:geometria>
      <egb:rodzajWgKST>110</egb:rodzajWgKST>
      <egb:liczbaKondygnacjiNadziemnych>2</egb:liczbaKondygnacjiNadziemnych>
      <egb:liczbaKondygnacjiPodziemnych>0</egb:liczbaKondygnacjiPodziemnych>
      <egb:powZabudowy uom="m2">800</egb:powZabudowy>
      <egb:numerKW>TE1T/00012345/6</egb:numerKW>
      <egb:dzialkaZabudowana xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:30000000-0000-4000-8000-000000000001"/>
      <egb:dzialkaZabudowana xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:30000000-0000-4000-8000-000000000002:2021-05-04T10:00:00"/>
    </egb:EGB_Budynek>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_PunktGraniczny gml:id="PL.PZGiK.9901.EGiB_50000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>50000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:geometria><gml:Point gml:id="g5" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>749000.00 487000.00</gml:pos></gml:Point></egb:geometria>
      <egb:idPunktu>990101_1.0007.P.101</egb:idPunktu>
      <egb:sposobPozyskania>1</egb:sposobPozyskania>
      <egb:spelnienieWarunkowDokl>1</egb:spelnienieWarunkowDokl>
      <egb:rodzajStabilizacji>3</egb:rodzajStabilizacji>
      <egb:oznWMaterialeZrodlowym>101</egb:oznWMaterialeZrodlowym>
    </egb:EGB_PunktGraniczny>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_30000000-0000-4000-8000-000000000002_2020-02-01T12-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>30000000-0000-4000-8000-000000000002</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2020-02-01T12:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2020-02-01T12:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2020-02-01T12:00:00</egb:startWersjaObiekt>
      <egb:koniecWersjaObiekt>2021-05-04T10:00:00</egb:koniecWersjaObiekt>
      <egb:idDzialki>990101_1.0007.AR_2.13</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g8a" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing><gml:coordinates>749000,487100 749000,487200 749100,487200 749100,487100 749000,487100</gml:coordinates></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:poleEwidencyjne uom="m2">10000</egb:poleEwidencyjne>
      <egb:dokladnoscReprezentacjiPola>1</egb:dokladnoscReprezentacjiPola>
      <egb:klasouzytek><egb:EGB_Klasouzytek><egb:OFU>Ps</egb:OFU><egb:OZU>Ps</egb:OZU><egb:OZK>IV</egb:OZK><egb:powierzchnia uom="ha">1.0000</egb:powierzchnia></egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:JRG2 xlink:href="#JRG.G17"/>
      <egb:lokalizacjaDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:20000000-0000-4000-8000-000000000001"/>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_30000000-0000-4000-8000-000000000002_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>30000000-0000-4000-8000-000000000002</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2020-02-01T12:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990101_1.0007.AR_2.13</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g8b" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing><gml:posList>749000 487100 749000 487220 749100 487220 749100 487100 749000 487100</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:numerKW xsi:nil="true" nilReason="missing"/>
      <egb:poleEwidencyjne uom="ha">1.2000</egb:poleEwidencyjne>
      <egb:dokladnoscReprezentacjiPola>1</egb:dokladnoscReprezentacjiPola>
      <egb:klasouzytek><egb:EGB_Klasouzytek><egb:OFU>Ps</egb:OFU><egb:OZU>Ps</egb:OZU><egb:OZK>IV</egb:OZK><egb:powierzchnia uom="ha">1.2000</egb:powierzchnia></egb:EGB_Klasouzytek></egb:klasouzytek>
      <egb:JRG2 xlink:href="#JRG.G17"/>
      <egb:lokalizacjaDzialki xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:20000000-0000-4000-8000-000000000001"/>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_UdzialWeWlasnosci gml:id="UW.1">
      <egb:rodzajPrawa>1</egb:rodzajPrawa>
      <egb:podmiotUdzialuWlasnosci xlink:href="#OS.1"/>
      <egb:przedmiotUdzialuWlasnosci xlink:href="#JRG.G17"/>
    </egb:EGB_UdzialWeWlasnosci>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_KonturUzytkuGruntowego gml:id="PL.PZGiK.9901.EGiB_80000000-0000-4000-8000-000000000001_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>80000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:koniecWersjaObiekt xsi:nil="true" nilReason="inapplicable"/>
      <egb:geometria>
        <gml:Surface gml:id="g9" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>
            <gml:posList>749000 487000 749000 487100 749100 487100 749100 487000 749000 487000</gml:posList>
          </gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </egb:geometria>
      <egb:idUzytku>990101_1.0007.U.5</egb:idUzytku>
      <egb:OFU>R</egb:OFU>
      <egb:lokalizacjaUzytku xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:20000000-0000-4000-8000-000000000001"/>
    </egb:EGB_KonturUzytkuGruntowego>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_KonturKlasyfikacyjny gml:id="PL.PZGiK.9901.EGiB_90000000-0000-4000-8000-000000000001_2020-02-01T12-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP>
        <egb:lokalnyId>90000000-0000-4000-8000-000000000001</egb:lokalnyId>
        <egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw>
        <egb:wersjaId>2020-02-01T12:00:00</egb:wersjaId>
      </egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2020-02-01T12:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2020-02-01T12:00:00</egb:startWersjaObiekt>
      <egb:koniecObiekt>2021-05-04T10:00:00</egb:koniecObiekt>
      <egb:geometria>
        <gml:Polygon gml:id="g10" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing><gml:posList>749000 487000 749000 487100 749100 487100 749100 487000 749000 487000</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:idKonturu>990101_1.0007.K.9</egb:idKonturu>
      <egb:OZU>R</egb:OZU>
      <egb:OZK>IIIb</egb:OZK>
      <egb:lokalizacjaKonturu xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:20000000-0000-4000-8000-000000000001"/>
    </egb:EGB_KonturKlasyfikacyjny>
  </gml:featureMember>
  <gml:featureMember>
    <egb:PrezentacjaGraficzna gml:id="PG.1">
      <egb:kodObiektu>EGDE</egb:kodObiektu>
      <egb:obiektPrzedstawiany xlink:href="#PL.PZGiK.9901.EGiB_30000000-0000-4000-8000-000000000001_2021-05-04T10-00-00"/>
    </egb:PrezentacjaGraficzna>
  </gml:featureMember>
</gml:FeatureCollection>
