import CLibXML2
import Testing

@Suite struct CLibXML2Tests {
    /// Proves the system-library target: libxml2 parses from memory with network and entities off.
    @Test func parsesSmallDocumentFromMemory() throws {
        xmlInitParser()
        let xml = #"<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>CT HEAD</title></ClinicalDocument>"#
        let bytes = Array(xml.utf8)
        let ctxt = try #require(xmlNewParserCtxt())
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = try #require(
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), "memory.xml", "UTF-8", options)
                }
            })
        defer { xmlFreeDoc(doc) }
        let root = try #require(xmlDocGetRootElement(doc))
        #expect(String(cString: root.pointee.name) == "ClinicalDocument")
        let title = try #require(root.pointee.children)
        let text = try #require(title.pointee.children)
        #expect(String(cString: text.pointee.content) == "CT HEAD")
    }

    /// Without NOENT an external entity is never read: the reference stays unexpanded.
    @Test func externalEntityIsNotExpanded() throws {
        xmlInitParser()
        let xml = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#
        let bytes = Array(xml.utf8)
        let ctxt = try #require(xmlNewParserCtxt())
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), "memory.xml", "UTF-8", options)
            }
        }
        if let doc {
            defer { xmlFreeDoc(doc) }
            let root = try #require(xmlDocGetRootElement(doc))
            var node = root.pointee.children
            var texts = ""
            while let n = node {
                if n.pointee.type == XML_TEXT_NODE, let c = n.pointee.content { texts += String(cString: c) }
                node = n.pointee.next
            }
            #expect(!texts.contains("root:"))
        }
    }
}
